package io.isolane.replies;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.SuppressionRequest;
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
import java.time.LocalDate;
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
      assertThat(event.data().newText()).isEqualTo("Please remove me.");
      assertThat(event.data().evidence()).isNotEmpty();
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
  void anInterestedReplyIsFlaggedForImmediateAttention() {
    String tenant = SampleEvents.newTenantId();
    ContractEvent<InboundReply> reply =
        SampleEvents.inboundReply(
            tenant,
            "ana@mail." + tenant + ".example",
            "From: bob@example.org\r\nSubject: Re: Quick question\r\n\r\n"
                + "Sounds interesting, tell me more. Can we book a call next week?\r\n");
    try (TopicWatcher<ReplyClassified> classified =
        ContractKafka.watch(EventTypes.REPLY_CLASSIFIED)) {
      ContractKafka.publish(reply);

      ReplyClassified event = classified.await(e -> e.subject().equals(tenant)).data();
      assertThat(event.category()).isEqualTo(ReplyCategory.INTERESTED);
      assertThat(event.needsAttention()).isTrue();
      assertThat(event.bounce()).isNull();
    }
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

  @Test
  void unsubscribeReplyAlsoRequestsSuppressionOfItsAuthor() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = "ana@mail." + tenant + ".example";
    String message =
        "From: Carla <Carla@Customer.example>\r\nSubject: Re: offer\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Por favor, me descadastre da sua lista.\r\n\r\n"
            + "Em seg., 2 de mar. de 2026 às 10:00, Ana <"
            + mailbox
            + "> escreveu:\r\n> Quer uma demonstração?\r\n";
    ContractEvent<InboundReply> reply = SampleEvents.inboundReply(tenant, mailbox, message);
    try (TopicWatcher<SuppressionRequest> requests =
            ContractKafka.watch(EventTypes.SUPPRESSION_REQUEST);
        TopicWatcher<ReplyClassified> classified =
            ContractKafka.watch(EventTypes.REPLY_CLASSIFIED)) {
      ContractKafka.publish(reply);

      ContractEvent<SuppressionRequest> request = requests.await(e -> e.subject().equals(tenant));
      assertThat(request.key()).isEqualTo(tenant);
      assertThat(request.data().address()).isEqualTo("carla@customer.example");
      assertThat(request.data().reason()).isEqualTo(SuppressionReason.UNSUBSCRIBE);
      assertThat(request.data().sourceEventId()).isEqualTo(reply.data().replyId());
      assertThat(request.data().requestedBy()).isEqualTo("reply-classifier");
      assertThat(request.data().detail()).contains("descadastr");
      ContractEvent<ReplyClassified> event = classified.await(e -> e.subject().equals(tenant));
      assertThat(event.data().category()).isEqualTo(ReplyCategory.UNSUBSCRIBE);
      assertThat(event.data().language()).isEqualTo("pt");
    }
  }

  @Test
  void unsubscribeOnlyTheModelRecognisesAlsoRequestsSuppression() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = "ana@mail." + tenant + ".example";
    // no unsubscribe phrase rule matches this: the intent model decides it
    String message =
        "From: Oleg <oleg@customer.example>\r\nSubject: Re: offer\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Хватит слать мне эти письма.\r\n";
    ContractEvent<InboundReply> reply = SampleEvents.inboundReply(tenant, mailbox, message);
    try (TopicWatcher<SuppressionRequest> requests =
            ContractKafka.watch(EventTypes.SUPPRESSION_REQUEST);
        TopicWatcher<ReplyClassified> classified =
            ContractKafka.watch(EventTypes.REPLY_CLASSIFIED)) {
      ContractKafka.publish(reply);

      ContractEvent<ReplyClassified> event = classified.await(e -> e.subject().equals(tenant));
      assertThat(event.data().category()).isEqualTo(ReplyCategory.UNSUBSCRIBE);
      assertThat(event.data().language()).isEqualTo("ru");
      assertThat(event.data().evidence()).anyMatch(e -> e.startsWith("model: unsubscribe p="));
      ContractEvent<SuppressionRequest> request = requests.await(e -> e.subject().equals(tenant));
      assertThat(request.data().address()).isEqualTo("oleg@customer.example");
      assertThat(request.data().reason()).isEqualTo(SuppressionReason.UNSUBSCRIBE);
      assertThat(request.data().detail()).contains("model: unsubscribe");
    }
  }

  @Test
  void hardBounceRequestsSuppressionOfTheFailedRecipientOnly() {
    String tenant = SampleEvents.newTenantId();
    String bounce =
        new String(Fixtures.mail("bounces/postfix-user-unknown.eml"), StandardCharsets.UTF_8);
    ContractEvent<InboundReply> reply =
        SampleEvents.inboundReply(tenant, "ana@mail.tenant-a.example", bounce);
    try (TopicWatcher<SuppressionRequest> requests =
            ContractKafka.watch(EventTypes.SUPPRESSION_REQUEST);
        TopicWatcher<ReplyClassified> classified =
            ContractKafka.watch(EventTypes.REPLY_CLASSIFIED)) {
      ContractKafka.publish(reply);

      ContractEvent<SuppressionRequest> request = requests.await(e -> e.subject().equals(tenant));
      assertThat(request.data().address()).isEqualTo("carl.gone@example.org");
      assertThat(request.data().reason()).isEqualTo(SuppressionReason.HARD_BOUNCE);
      assertThat(request.data().detail()).contains("userunknown").contains("5.1.1");
      ReplyClassified event = classified.await(e -> e.subject().equals(tenant)).data();
      assertThat(event.bounce().recipients()).containsExactly("carl.gone@example.org");
      assertThat(event.bounce().status()).isEqualTo("5.1.1");
      assertThat(event.bounce().hard()).isTrue();
      assertThat(event.bounce().reason()).isEqualTo("userunknown");
      assertThat(event.needsAttention()).isFalse();
      assertThat(event.evidence()).isNotEmpty();
    }
    assertThat(
            TestDatabase.queryString(
                "replies",
                "SELECT bounce_reason || ' ' || bounce_status || ' ' || bounce_hard FROM reply"
                    + " WHERE reply_id = ?",
                reply.data().replyId()))
        .isEqualTo("userunknown 5.1.1 true");
  }

  @Test
  void outOfOfficeReplyCarriesItsReturnDateAndRequestsNothing() {
    String tenant = SampleEvents.newTenantId();
    String ooo =
        "From: Ivan <ivan@example.ru>\r\nAuto-Submitted: auto-replied\r\n"
            + "Subject: =?UTF-8?B?"
            + java.util.Base64.getEncoder()
                .encodeToString("Автоматический ответ: Вопрос".getBytes(StandardCharsets.UTF_8))
            + "?=\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\n";
    byte[] body =
        "Я в отпуске, вернусь 12 марта.".getBytes(java.nio.charset.Charset.forName("KOI8-R"));
    ContractEvent<InboundReply> reply = rawReply(tenant, ooo, body);
    try (TopicWatcher<ReplyClassified> classified =
            ContractKafka.watch(EventTypes.REPLY_CLASSIFIED);
        TopicWatcher<SuppressionRequest> requests =
            ContractKafka.watch(EventTypes.SUPPRESSION_REQUEST)) {
      ContractKafka.publish(reply);

      ContractEvent<ReplyClassified> event = classified.await(e -> e.subject().equals(tenant));
      assertThat(event.data().category()).isEqualTo(ReplyCategory.OUT_OF_OFFICE);
      assertThat(event.data().language()).isEqualTo("ru");
      int year = reply.data().receivedAt().atZone(java.time.ZoneOffset.UTC).getYear();
      LocalDate expected = LocalDate.of(year, 3, 12);
      LocalDate received = reply.data().receivedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
      if (expected.isBefore(received.minusDays(7))) {
        expected = expected.plusYears(1);
      }
      assertThat(event.data().returnDate()).isEqualTo(expected);

      // a later unsubscribe from the same tenant is a barrier: the outbox publishes in order
      ContractEvent<InboundReply> later =
          SampleEvents.inboundReply(tenant, "ana@mail." + tenant + ".example", UNSUBSCRIBE);
      ContractKafka.publish(later);
      requests.await(e -> e.data().sourceEventId().equals(later.data().replyId()));
      assertThat(
              requests.seen().stream()
                  .filter(r -> tenant.equals(r.key()))
                  .map(r -> EventCodec.decode(EventTypes.SUPPRESSION_REQUEST, r).data())
                  .map(SuppressionRequest::sourceEventId))
          .containsExactly(later.data().replyId());
    }
  }

  @Test
  void replyThatIsNotAMessageIsDeadLetteredWithTheReason() {
    String tenant = SampleEvents.newTenantId();
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.reply-classifier")) {
      ContractKafka.publish(SampleEvents.inboundReply(tenant, "a@b.example", "\r\n\r\nno header"));

      assertThat(dead.awaitDeadLetterReason(tenant)).contains("no RFC 5322 header fields");
    }
  }

  private static ContractEvent<InboundReply> rawReply(String tenant, String head, byte[] body) {
    byte[] raw = new byte[head.length() + body.length];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, raw, 0, head.length());
    System.arraycopy(body, 0, raw, head.length(), body.length);
    InboundReply template =
        SampleEvents.inboundReply(tenant, "ana@mail." + tenant + ".example", "x").data();
    InboundReply reply =
        new InboundReply(
            template.replyId(),
            tenant,
            template.recipient(),
            template.sender(),
            template.sesMessageId(),
            template.receivedAt(),
            java.util.Base64.getEncoder().encodeToString(raw));
    return ContractEvent.of(EventTypes.INBOUND_REPLY, SampleEvents.SOURCE, reply);
  }
}
