package io.isolane.replies;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replies are matched to the sent message they answer through SES Message-IDs. */
@QuarkusTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "replies"))
class ThreadingTest {
  @Test
  void replyIsAttributedToTheSentMessageItsReferencesName() {
    String tenant = SampleEvents.newTenantId();
    EmailEvent sample =
        SampleEvents.emailEvent(tenant, EmailEventType.SENT, "bob@example.org", null).data();
    EmailEvent sent =
        new EmailEvent(
            sample.messageId(),
            tenant,
            EmailEventType.SENT,
            sample.mailbox(),
            sample.stream(),
            sample.recipient(),
            sample.occurredAt(),
            null,
            sample.sesMessageId(),
            null,
            null,
            Map.of("campaign", "spring-launch"));
    ContractEvent<EmailEvent> sentEvent =
        ContractEvent.of(EventTypes.EMAIL_EVENT, SampleEvents.SOURCE, sent);
    ContractKafka.publish(sentEvent);
    awaitStored(sent);

    String message =
        "From: Bob <bob@example.org>\r\nSubject: Re: Hello\r\n"
            + "In-Reply-To: <"
            + sent.sesMessageId()
            + "@email.amazonses.com>\r\nReferences: <older@example.org> <"
            + sent.sesMessageId()
            + "@email.amazonses.com>\r\n\r\nTell me more, please.\r\n";
    ContractEvent<InboundReply> reply = SampleEvents.inboundReply(tenant, sent.mailbox(), message);
    try (TopicWatcher<ReplyClassified> classified =
        ContractKafka.watch(EventTypes.REPLY_CLASSIFIED)) {
      ContractKafka.publish(reply);

      ReplyClassified event = classified.await(e -> e.subject().equals(tenant)).data();
      assertThat(event.inReplyTo()).isEqualTo(sent.messageId());
    }
    assertThat(
            TestDatabase.queryString(
                "replies",
                "SELECT in_reply_to || ' ' || campaign || ' ' || original_recipient FROM reply"
                    + " WHERE reply_id = ?",
                reply.data().replyId()))
        .isEqualTo(sent.messageId() + " spring-launch bob@example.org");
  }

  @Test
  void anotherTenantsMessageIdIsNotMatched() {
    String owner = SampleEvents.newTenantId();
    ContractEvent<EmailEvent> sentEvent =
        SampleEvents.emailEvent(owner, EmailEventType.SENT, "bob@example.org", null);
    ContractKafka.publish(sentEvent);
    awaitStored(sentEvent.data());

    String other = SampleEvents.newTenantId();
    String message =
        "From: bob@example.org\r\nSubject: Re: Hello\r\nIn-Reply-To: <"
            + sentEvent.data().sesMessageId()
            + "@email.amazonses.com>\r\n\r\nok\r\n";
    try (TopicWatcher<ReplyClassified> classified =
        ContractKafka.watch(EventTypes.REPLY_CLASSIFIED)) {
      ContractKafka.publish(SampleEvents.inboundReply(other, "x@mail.other.example", message));

      assertThat(classified.await(e -> e.subject().equals(other)).data().inReplyTo()).isNull();
    }
  }

  private static void awaitStored(EmailEvent sent) {
    TestDatabase.awaitValue(
        sent.messageId(),
        Duration.ofSeconds(30),
        "replies",
        "SELECT message_id FROM sent_message WHERE ses_message_id = ?",
        sent.sesMessageId());
  }

  @jakarta.inject.Inject io.isolane.replies.service.SentMessagePurge purge;

  @Test
  void sentMessagesOlderThanTheRetentionAreForgotten() {
    String old = "old-" + java.util.UUID.randomUUID();
    String fresh = "fresh-" + java.util.UUID.randomUUID();
    insertSent(old, "91 days");
    insertSent(fresh, "1 day");

    assertThat(purge.purge().await().atMost(java.time.Duration.ofSeconds(10))).isPositive();

    assertThat(sentCount(old)).isEqualTo("0");
    assertThat(sentCount(fresh)).isEqualTo("1");
  }

  private static void insertSent(String sesMessageId, String age) {
    TestDatabase.queryString(
        "replies",
        "INSERT INTO sent_message (ses_message_id, tenant_id, message_id, mailbox, sent_at)"
            + " VALUES (?, 't-purge', 'm', 'a@b.example', now() - interval '"
            + age
            + "') RETURNING 1",
        sesMessageId);
  }

  private static String sentCount(String sesMessageId) {
    return TestDatabase.queryString(
        "replies", "SELECT count(*) FROM sent_message WHERE ses_message_id = ?", sesMessageId);
  }
}
