package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DnsTestServerTest {
  private static final DnsTestServer SERVER = DnsTestServer.start();

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @BeforeEach
  void emptyZone() {
    SERVER.clear();
  }

  @Test
  void answersAuthoritativelyOverUdpAndTcp() throws IOException {
    SERVER.add("Mail.Example.com.", "MX", "10 feedback-smtp.us-east-1.amazonses.com");

    for (boolean tcp : List.of(false, true)) {
      Message response = query("mail.example.COM", Type.MX, tcp);

      assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
      MXRecord mx = (MXRecord) response.getSection(Section.ANSWER).get(0);
      assertThat(mx.getPriority()).isEqualTo(10);
      // name compression against the mixed-case question may change the target's case
      assertThat(mx.getTarget().toString())
          .isEqualToIgnoringCase("feedback-smtp.us-east-1.amazonses.com.");
    }
  }

  @Test
  void distinguishesNxdomainFromNoDataAndReturnsCnameForOtherTypes() throws IOException {
    SERVER.add("example.com", "A", "192.0.2.1");
    SERVER.add("tok._domainkey.example.com", "CNAME", "tok.dkim.amazonses.com");

    assertThat(query("missing.example.com", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    Message noData = query("example.com", Type.TXT, false);
    assertThat(noData.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(noData.getSection(Section.ANSWER)).isEmpty();
    Record cname =
        query("tok._domainkey.example.com", Type.TXT, false).getSection(Section.ANSWER).get(0);
    assertThat(((CNAMERecord) cname).getTarget().toString()).isEqualTo("tok.dkim.amazonses.com.");
  }

  @Test
  void splitsLongTextAndServesLargeAnswersOverTcpAfterTruncation() throws IOException {
    String longText = "v=spf1 " + "ip4:192.0.2.1 ".repeat(40) + "~all";
    SERVER.add("example.com", "TXT", longText);
    for (int i = 0; i < 20; i++) {
      SERVER.add("example.com", "TXT", "filler-" + i + "-" + "x".repeat(100));
    }

    // about 3 kB does not fit in a UDP answer: the server sets TC, the resolver retries over TCP
    SimpleResolver udpOnly = resolver(false);
    udpOnly.setIgnoreTruncation(true);
    assertThat(udpOnly.send(newQuery("example.com", Type.TXT)).getHeader().getFlag(Flags.TC))
        .isTrue();
    List<Record> answers = query("example.com", Type.TXT, false).getSection(Section.ANSWER);

    assertThat(answers).hasSize(21);
    List<byte[]> strings = ((TXTRecord) answers.get(0)).getStringsAsByteArrays();
    assertThat(strings).extracting(s -> s.length).containsExactly(255, 255, 61); // 571 bytes
    assertThat(strings.stream().map(s -> new String(s, StandardCharsets.UTF_8)))
        .containsExactly(
            longText.substring(0, 255), longText.substring(255, 510), longText.substring(510));
  }

  @Test
  void removedRecordsAreGone() throws IOException {
    SERVER.add("example.com", "TXT", "a").add("example.com", "TXT", "b");

    SERVER.remove("EXAMPLE.com", "TXT");

    assertThat(query("example.com", Type.TXT, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  private static Message query(String name, int type, boolean tcp) throws IOException {
    return resolver(tcp).send(newQuery(name, type));
  }

  private static SimpleResolver resolver(boolean tcp) {
    SimpleResolver resolver = new SimpleResolver(SERVER.address());
    resolver.setTCP(tcp);
    resolver.setTimeout(Duration.ofSeconds(2));
    return resolver;
  }

  private static Message newQuery(String name, int type) throws IOException {
    return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
  }
}
