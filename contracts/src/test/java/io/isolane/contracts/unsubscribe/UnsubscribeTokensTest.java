package io.isolane.contracts.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {
  // test-only secrets: the golden token below was signed with "k1"
  private static final byte[] K1 =
      "golden-secret-for-tests-only-000".getBytes(StandardCharsets.UTF_8);
  private static final byte[] K2 =
      "another-secret-for-tests-only-01".getBytes(StandardCharsets.UTF_8);
  private static final UnsubscribeToken TOKEN =
      new UnsubscribeToken(
          "acme", "Bob@Example.org", "msg-42", Instant.parse("2026-11-22T10:15:30.789Z"));

  private final UnsubscribeTokens tokens = new UnsubscribeTokens("k1", Map.of("k1", K1));

  @Test
  void aSignedTokenVerifiesToWhatWasSigned() {
    UnsubscribeToken read = tokens.verify(tokens.sign(TOKEN));

    assertThat(read.tenantId()).isEqualTo("acme");
    assertThat(read.recipient()).isEqualTo("bob@example.org");
    assertThat(read.messageId()).isEqualTo("msg-42");
    assertThat(read.issuedAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
  }

  /** Links already in inboxes must keep working: the v1 format never changes. */
  @Test
  void theFormatStillMatchesTheGoldenToken() throws IOException {
    String golden =
        Files.readString(Path.of("src/test/resources/golden/unsubscribe-token-v1.txt")).strip();

    assertThat(tokens.sign(TOKEN)).isEqualTo(golden);
    assertThat(tokens.verify(golden)).isEqualTo(TOKEN);
    assertThat(golden).matches("u1\\.k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
  }

  @Test
  void aTokenCannotBeMovedToAnotherTenant() {
    String signed = tokens.sign(TOKEN);
    String[] parts = signed.split("\\.");
    String otherTenant =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "globex\nbob@example.org\nmsg-42\n1795342530".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(
            () -> tokens.verify(parts[0] + "." + parts[1] + "." + otherTenant + "." + parts[3]))
        .isInstanceOf(InvalidUnsubscribeTokenException.class)
        .hasMessage("bad signature");
  }

  @Test
  void tamperedOrForeignTokensAreRefusedWithTheReason() {
    String signed = tokens.sign(TOKEN);
    char last = signed.charAt(signed.length() - 1);
    String tampered = signed.substring(0, signed.length() - 1) + (last == 'A' ? 'B' : 'A');
    UnsubscribeTokens foreign = new UnsubscribeTokens("k1", Map.of("k1", K2));

    assertThatThrownBy(() -> tokens.verify(tampered)).hasMessage("bad signature");
    assertThatThrownBy(() -> tokens.verify(foreign.sign(TOKEN))).hasMessage("bad signature");
    assertThatThrownBy(() -> tokens.verify("u1.k9.abc.def")).hasMessage("unknown signing key k9");
    assertThatThrownBy(() -> tokens.verify("u2.k1.abc.def")).hasMessage("not an unsubscribe token");
    assertThatThrownBy(() -> tokens.verify(null)).hasMessage("not an unsubscribe token");
    assertThatThrownBy(() -> tokens.verify("u1.k1.!!.def")).hasMessage("not base64url");
    assertThatThrownBy(() -> tokens.verify("u1.k1.YWJj.def")).hasMessage("malformed payload");
  }

  @Test
  void rotationKeepsOldLinksWorking() {
    String old = tokens.sign(TOKEN);
    UnsubscribeTokens rotated = new UnsubscribeTokens("k2", Map.of("k1", K1, "k2", K2));

    assertThat(rotated.verify(old)).isEqualTo(TOKEN);
    assertThat(rotated.sign(TOKEN)).startsWith("u1.k2.");
    assertThat(rotated.verify(rotated.sign(TOKEN))).isEqualTo(TOKEN);
  }

  @Test
  void configurationTextNamesEachSecretById() {
    String text =
        "k1:"
            + Base64.getEncoder().encodeToString(K1)
            + ", k2:"
            + Base64.getEncoder().encodeToString(K2);

    UnsubscribeTokens configured = UnsubscribeTokens.of("k2", text);

    assertThat(configured.verify(tokens.sign(TOKEN))).isEqualTo(TOKEN);
    assertThat(configured.sign(TOKEN)).startsWith("u1.k2.");
    assertThatThrownBy(() -> UnsubscribeTokens.of("k1", "nocolon"))
        .hasMessageContaining("id:base64");
    assertThatThrownBy(() -> UnsubscribeTokens.of("k1", "k1:***"))
        .hasMessageContaining("not base64");
  }

  @Test
  void weakOrMissingSecretsAreRefusedAtConstruction() {
    byte[] shortSecret = Arrays.copyOf(K1, 16);

    assertThatThrownBy(() -> new UnsubscribeTokens("k1", Map.of("k1", shortSecret)))
        .hasMessageContaining("shorter than 32 bytes");
    assertThatThrownBy(() -> new UnsubscribeTokens("k2", Map.of("k1", K1)))
        .hasMessageContaining("no secret for signing key k2");
    assertThatThrownBy(() -> new UnsubscribeTokens("a.b", Map.of("a.b", K1)))
        .hasMessageContaining("without '.'");
  }
}
