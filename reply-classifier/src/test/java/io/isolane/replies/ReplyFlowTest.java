package io.isolane.replies;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "replies"))
class ReplyFlowTest {
  static final String UNSUBSCRIBE =
      "From: bob@example.org\r\nSubject: Re: hi\r\n\r\nPlease remove me.\r\n";

  @Test
  void inboundReplyIsClassifiedStoredAndPublishedOnce() {
    String tenant = SampleEvents.newTenantId();
    ContractEvent<InboundReply> reply =
        SampleEvents.inboundReply(tenant, "ana@mail." + tenant + ".example", UNSUBSCRIBE);
    try (TopicWatcher<ReplyClassified> classified =
        ContractKafka.watch(EventTypes.REPLY_CLASSIFIED)) {
      ContractKafka.publish(reply);
      ContractKafka.publish(reply);
      ContractKafka.publish(
          SampleEvents.inboundReply(
              tenant, "ana@mail." + tenant + ".example", "Subject: x\r\n\r\nok\r\n"));

      ContractEvent<ReplyClassified> event =
          classified.await(e -> e.data().replyId().equals(reply.data().replyId()));
      assertThat(event.key()).isEqualTo(tenant);
      assertThat(event.data().category()).isEqualTo(ReplyCategory.UNSUBSCRIBE);
      assertThat(event.data().mailbox()).isEqualTo("ana@mail." + tenant + ".example");

      classified.await(
          e -> e.subject().equals(tenant) && e.data().category() == ReplyCategory.OTHER);
      long copies =
          classified.seen().stream()
              .map(r -> EventCodec.decode(EventTypes.REPLY_CLASSIFIED, r).data())
              .filter(c -> c.replyId().equals(reply.data().replyId()))
              .count();
      assertThat(copies).isEqualTo(1);
    }
    assertThat(
            TestDatabase.queryString(
                "replies", "SELECT category FROM reply WHERE reply_id = ?", reply.data().replyId()))
        .isEqualTo("UNSUBSCRIBE");
  }

  @Test
  void replyWhoseRawMimeIsNotBase64IsDeadLettered() {
    String tenant = SampleEvents.newTenantId();
    ProducerRecord<String, byte[]> valid =
        EventCodec.toRecord(SampleEvents.inboundReply(tenant, "a@b.example", UNSUBSCRIBE));
    String json = new String(valid.value(), StandardCharsets.UTF_8);
    byte[] broken =
        json.replaceFirst("\"rawMime\":\"[^\"]*\"", "\"rawMime\":\"***not base64***\"")
            .getBytes(StandardCharsets.UTF_8);
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.reply-classifier")) {
      ContractKafka.publishRaw("inbound.replies", tenant, valid.headers(), broken);

      assertThat(dead.awaitDeadLetterReason(tenant)).contains("rawMime is not base64");
    }
  }
}
