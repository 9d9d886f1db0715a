package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.Classification;
import io.isolane.replies.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broken input is classified as far as it can be read, or rejected with the reason. */
class MalformedMailTest {
  private final ReplyClassifier classifier = new ReplyClassifier(1_000_000);

  @Test
  void multipartWithoutClosingBoundaryIsStillRead() {
    Classification result =
        classify(
            """
            From: bob@example.org
            Subject: Re: offer
            Content-Type: multipart/alternative; boundary="cut"

            --cut
            Content-Type: text/plain; charset=utf-8

            Please unsubscribe me.
            --cut
            Content-Type: text/html; charset=utf-8

            <p>Please unsub
            """);
    assertThat(result.category()).isEqualTo(ReplyCategory.UNSUBSCRIBE);
  }

  @Test
  void multipartWithoutBoundaryParameterIsRead() {
    Classification result =
        classify(
            """
            From: bob@example.org
            Subject: Re: offer
            Content-Type: multipart/mixed

            Please remove me.
            """);
    assertThat(result.category()).isIn(ReplyCategory.UNSUBSCRIBE, ReplyCategory.OTHER);
    assertThat(result.evidence()).isNotEmpty();
  }

  @Test
  void brokenBase64AndQuotedPrintableDoNotThrow() {
    Classification result =
        classify(
            """
            From: bob@example.org
            Subject: =?utf-8?B?not*base64?= =?utf-8?Q?=ZZbroken?=
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            UGxlYXNlIHJlbW92ZSBtZQ*** garbage ===
            """);
    assertThat(result.category()).isEqualTo(ReplyCategory.UNSUBSCRIBE);
    assertThat(result.subject()).isNotNull();
  }

  @Test
  void deeplyNestedMultipartIsCutOffNotOverflowed() {
    StringBuilder mail = new StringBuilder("From: bob@example.org\nSubject: deep\n");
    for (int i = 0; i < 200; i++) {
      mail.append("Content-Type: multipart/mixed; boundary=\"b")
          .append(i)
          .append("\"\n\n--b")
          .append(i)
          .append('\n');
    }
    mail.append("Content-Type: text/plain\n\nremove me\n");
    Classification result = classify(mail.toString());
    assertThat(result.evidence()).anyMatch(e -> e.contains("nesting deeper than"));
  }

  @Test
  void randomBytesAfterAHeaderAreClassifiedAsOther() {
    byte[] noise = new byte[20_000];
    new Random(42).nextBytes(noise);
    byte[] head = "From: x@example.org\r\nSubject: ?\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] raw = new byte[head.length + noise.length];
    System.arraycopy(head, 0, raw, 0, head.length);
    System.arraycopy(noise, 0, raw, head.length, noise.length);
    Classification result = classifier.classify(raw, LocalDate.of(2026, 3, 2), List.of());
    assertThat(result.category()).isEqualTo(ReplyCategory.OTHER);
  }

  @Test
  void headerlessOrEmptyInputIsRejectedWithTheReason() {
    assertThatThrownBy(() -> classifier.classify(new byte[0]))
        .isInstanceOf(RejectedEventException.class)
        .hasMessage("no RFC 5322 header fields");
    assertThatThrownBy(() -> classifier.classify("\r\n\r\njust text".getBytes()))
        .isInstanceOf(RejectedEventException.class)
        .hasMessage("no RFC 5322 header fields");
  }

  private Classification classify(String message) {
    return classifier.classify(Fixtures.crlf(message), LocalDate.of(2026, 3, 2), List.of());
  }
}
