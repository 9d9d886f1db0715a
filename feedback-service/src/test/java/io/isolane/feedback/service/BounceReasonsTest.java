package io.isolane.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Diagnostic codes as providers write them, told apart by what they mean for the sender. */
class BounceReasonsTest {
  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "General|smtp; 550 5.1.1 The email account that you tried to reach does not exist.|userunknown",
        "NoEmail||userunknown",
        "General|smtp; 550 5.1.1 <x@outlook.com>: Recipient address rejected: Access denied|userunknown",
        "General|smtp; 550 No such user here|userunknown",
        "General|smtp; 552 5.2.2 The email account that you tried to reach is over quota.|mailboxfull",
        "MailboxFull|smtp; 452 4.2.2 Mailbox full|mailboxfull",
        "General|smtp; 550 5.7.1 Service unavailable, Client host [1.2.3.4] blocked using Spamhaus|blocked",
        "General|smtp; 550 5.7.606 Access denied, banned sending IP|blocked",
        "General|smtp; 554 5.7.1 Message rejected as spam by Content Filtering|spamdetected",
        "General|smtp; 550 5.7.26 Unauthenticated email is not accepted due to DMARC policy|policyviolation",
        "General|smtp; 421 4.7.28 Our system has detected an unusual rate of mail|ratelimited",
        "General|smtp; 550 5.1.2 Host unknown, domain not found|hostunknown",
        "MessageTooLarge|smtp; 552 5.3.4 Message size exceeds fixed limit|mesgtoobig",
        "General|smtp; 4.4.7 Delivery time expired|expired",
        "OnAccountSuppressionList|Amazon SES did not send the message to this address|suppressed",
        "ContentRejected||contenterror",
        "General|smtp; 500 something nobody has seen before|undefined"
      })
  void classifies(String subType, String diagnostic, String reason) {
    assertThat(BounceReasons.classify(subType, diagnostic)).isEqualTo(reason);
  }
}
