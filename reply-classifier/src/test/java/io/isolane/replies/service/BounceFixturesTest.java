package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.Bounce;
import io.isolane.replies.Classification;
import io.isolane.replies.Fixtures;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Delivery reports from 20 MTAs and providers (fixtures: src/test/resources/mail/bounces). */
class BounceFixturesTest {
  private final ReplyClassifier classifier = new ReplyClassifier(1_000_000);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          postfix-user-unknown              | carl.gone@example.org            | 5.1.1  | true  | userunknown
          postfix-delayed                   | dana@slow.example.net            | 4.4.1  | false | delayed
          exim-user-unknown                 | erin@example.com                 | 5.1.1  | true  | userunknown
          exim-mailbox-full                 | frank@example.de                 | 5.2.2  | false | mailboxfull
          exim-retry-expired                | gina@dead-host.example           | -      | false | expired
          qmail-no-mailbox                  | hank@old-isp.example             | 5.1.1  | true  | userunknown
          sendmail-host-unknown             | ivy@no-such-domain.example       | 5.1.2  | true  | hostunknown
          gmail-address-not-found           | jo.nobody@gmail.com              | 5.1.1  | true  | userunknown
          gmail-reputation-blocked          | wendy@gmail.com                  | 5.7.1  | false | blocked
          office365-recipient-not-found     | kim.left@contoso.com             | 5.1.10 | true  | userunknown
          exchange-german-unzustellbar      | lars.weg@firma.example           | 5.1.1  | true  | userunknown
          exchange2003-text                 | mike.old@legacy-corp.example     | 5.1.1  | true  | userunknown
          yahoo-no-account                  | nina.nope@yahoo.com              | 5.0.0  | true  | userunknown
          amazon-ses-user-unknown           | olga.missing@example.net         | 5.1.1  | true  | userunknown
          domino-not-listed                 | tom.domino@lotus.example.com     | -      | true  | userunknown
          mdaemon-mailbox-full              | paul@smallbiz.example            | 5.0.0  | false | mailboxfull
          courier-user-unknown              | quinn@courier.example            | 5.0.0  | true  | userunknown
          barracuda-blocked                 | rita@barracuda-protected.example | 5.0.0  | false | blocked
          proofpoint-spam-rejected          | sam@bank.example                 | 5.7.1  | false | spamdetected
          mimecast-policy                   | tina@lawfirm.example             | 5.0.0  | false | policyviolation
          yandex-russian                    | ivan.net@yandex.ru               | 5.7.1  | true  | userunknown
          opensmtpd-user-unknown            | uma@bsd.example                  | 5.1.1  | true  | userunknown
          locaweb-portuguese                | vitor@provedor.example.br        | 5.1.1  | true  | userunknown
          groupwise-user-unknown            | xena@university.example          | -      | true  | userunknown
          """)
  void reportNamesRecipientStatusSeverityAndReason(
      String fixture, String recipients, String status, boolean hard, String reason) {
    Classification result = classify("bounces/" + fixture + ".eml");

    assertThat(result.category()).isEqualTo(ReplyCategory.BOUNCE);
    assertThat(result.confidence()).isGreaterThanOrEqualTo(0.85);
    assertThat(result.evidence()).isNotEmpty();
    Bounce bounce = result.bounce();
    assertThat(bounce.recipients()).containsExactlyElementsOf(Arrays.asList(recipients.split(" ")));
    assertThat(bounce.status()).isEqualTo(status);
    assertThat(bounce.hard()).isEqualTo(hard);
    assertThat(bounce.reason().code()).isEqualTo(reason);
  }

  @Test
  void structuredReportQuotesTheRemoteServer() {
    Bounce bounce = classify("bounces/gmail-address-not-found.eml").bounce();
    assertThat(bounce.diagnostic())
        .startsWith("550-5.1.1 The email account that you tried to reach");
  }

  @Test
  void personMentioningAFailedDeliveryIsNotABounce() {
    Classification result =
        classifier.classify(
            Fixtures.crlf(
                """
                From: Pat <pat@example.org>
                Subject: Re: our call

                Your earlier mail could not be delivered to my colleague, she left.
                Please write to me instead.
                """),
            LocalDate.of(2026, 3, 2),
            List.of(Fixtures.MAILBOX));
    assertThat(result.category()).isNotEqualTo(ReplyCategory.BOUNCE);
    assertThat(result.bounce()).isNull();
  }

  private Classification classify(String fixture) {
    return classifier.classify(
        Fixtures.mail(fixture), LocalDate.of(2026, 3, 2), List.of(Fixtures.MAILBOX));
  }
}
