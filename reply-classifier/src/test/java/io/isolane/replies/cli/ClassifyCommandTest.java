package io.isolane.replies.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.replies.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: files or stdin in, one JSON object per line out, no infrastructure. */
class ClassifyCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ClassifyCommand command =
      new ClassifyCommand(new PrintStream(out, true, StandardCharsets.UTF_8));

  @Test
  void filesGiveOneJsonLineEach(@TempDir Path dir) throws IOException {
    Path bounce = dir.resolve("bounce.eml");
    Files.write(bounce, Fixtures.mail("bounces/exim-user-unknown.eml"));
    Path reply = dir.resolve("reply.eml");
    Files.write(
        reply, Fixtures.crlf("From: a@b.example\nSubject: Re: x\n\nPlease unsubscribe me.\n"));

    int status = command.run(new String[] {bounce.toString(), reply.toString()}, System.in);

    List<JsonNode> lines = lines();
    assertThat(status).isZero();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("file").asText()).isEqualTo(bounce.toString());
    assertThat(lines.get(0).get("category").asText()).isEqualTo("bounce");
    assertThat(lines.get(0).get("hard").asBoolean()).isTrue();
    assertThat(lines.get(0).get("recipients").get(0).asText()).isEqualTo("erin@example.com");
    assertThat(lines.get(0).get("reason").asText()).isEqualTo("userunknown");
    assertThat(lines.get(1).get("category").asText()).isEqualTo("unsubscribe");
    assertThat(lines.get(1).get("is_bounce").asBoolean()).isFalse();
    assertThat(lines.get(1).get("new_text").asText()).isEqualTo("Please unsubscribe me.");
  }

  @Test
  void stdinIsReadWithoutArguments() throws IOException {
    byte[] ooo =
        Fixtures.crlf(
            "From: a@b.example\nX-Autoreply: yes\nSubject: Out of office\n\nBack soon.\n");
    int status = command.run(new String[0], new ByteArrayInputStream(ooo));

    assertThat(status).isZero();
    assertThat(lines().get(0).get("category").asText()).isEqualTo("out_of_office");
  }

  @Test
  void unreadableInputIsReportedAndFailsTheRun(@TempDir Path dir) throws IOException {
    Path empty = Files.write(dir.resolve("empty.eml"), new byte[0]);
    int status =
        command.run(
            new String[] {empty.toString(), dir.resolve("missing.eml").toString()}, System.in);

    List<JsonNode> lines = lines();
    assertThat(status).isEqualTo(1);
    assertThat(lines.get(0).get("error").asText()).isEqualTo("no RFC 5322 header fields");
    assertThat(lines.get(1).get("error").asText()).startsWith("cannot read");
  }

  private List<JsonNode> lines() throws IOException {
    ObjectMapper json = new ObjectMapper();
    String[] text = out.toString(StandardCharsets.UTF_8).split("\n");
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : text) {
      nodes.add(json.readTree(line));
    }
    return nodes;
  }
}
