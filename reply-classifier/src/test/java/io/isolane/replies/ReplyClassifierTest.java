package io.isolane.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.service.ReplyClassifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyClassifierTest {
  private final ReplyClassifier classifier = new ReplyClassifier(1_000_000);

  @Test
  void deliveryReportIsABounce() {
    String dsn =
        """
        From: MAILER-DAEMON@example.org
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: text/plain

        The mail could not be delivered.
        --b
        Content-Type: message/delivery-status

        Final-Recipient: rfc822; gone@example.org
        Action: failed
        Status: 5.1.1
        --b--
        """;
    assertThat(category(dsn)).isEqualTo(ReplyCategory.BOUNCE);
  }

  @Test
  void autoSubmittedOutOfOfficeInPortuguese() {
    String ooo =
        """
        From: ana@example.org
        Auto-Submitted: auto-replied
        Subject: =?UTF-8?Q?Resposta_autom=C3=A1tica:_ausente?=
        Content-Type: text/plain; charset=UTF-8

        Estou ausente, de volta em 3 de março.
        """;
    assertThat(category(ooo)).isEqualTo(ReplyCategory.OUT_OF_OFFICE);
  }

  @Test
  void autoReplyWithoutAbsenceIsAnAutoReply() {
    String ticket =
        """
        From: support@example.org
        X-Autoreply: yes
        Subject: Ticket #123 received

        We received your request.
        """;
    assertThat(category(ticket)).isEqualTo(ReplyCategory.AUTO_REPLY);
  }

  @Test
  void unsubscribeRequestInRussianInAQuotedPrintableBody() {
    String reply =
        """
        From: ivan@example.org
        Subject: Re: offer
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: quoted-printable

        =D0=9E=D1=82=D0=BF=D0=B8=D1=88=D0=B8=D1=82=D0=B5 =D0=BC=D0=B5=D0=BD=D1=8F, =D0=BF=D0=BE=D0=B6=D0=B0=D0=BB=D1=83=D0=B9=D1=81=D1=82=D0=B0.
        """;
    assertThat(category(reply)).isEqualTo(ReplyCategory.UNSUBSCRIBE);
  }

  @Test
  void anOrdinaryReplyIsOtherWithLowConfidence() {
    Classification result =
        classifier.classify(
            "From: bob@example.org\nSubject: Re: hi\n\nSounds good, call me tomorrow.\n"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(result.category()).isEqualTo(ReplyCategory.OTHER);
    assertThat(result.confidence()).isLessThan(0.5);
  }

  @Test
  void oversizedMessageIsRejected() {
    ReplyClassifier tiny = new ReplyClassifier(10);
    assertThatThrownBy(() -> tiny.classify("Subject: far too long\n\nbody".getBytes()))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining("exceeds 10");
  }

  private ReplyCategory category(String message) {
    return classifier
        .classify(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))
        .category();
  }
}
