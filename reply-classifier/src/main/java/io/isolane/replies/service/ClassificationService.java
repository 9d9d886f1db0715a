package io.isolane.replies.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.replies.Bounce;
import io.isolane.replies.Classification;
import io.isolane.replies.Reply;
import io.isolane.replies.config.ReplyConfig;
import io.isolane.replies.repository.ReplyRepository;
import io.isolane.servicekit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Classifies each inbound reply once, stores it, and in the same transaction puts reply.classified
 * and any suppression requests (unsubscribe, hard bounce) into the outbox.
 */
@ApplicationScoped
public class ClassificationService {
  // reply.classified carries the new text, bounded so one long reply cannot bloat the topic
  private static final int MAX_NEW_TEXT = 20_000;

  private final ReplyRepository replies;
  private final Outbox outbox;
  private final ReplyConfig config;
  private final ReplyClassifier classifier;
  private final SentMessages sent;

  public ClassificationService(
      ReplyRepository replies, SentMessages sent, Outbox outbox, ReplyConfig config) {
    this.replies = replies;
    this.sent = sent;
    this.outbox = outbox;
    this.config = config;
    this.classifier = new ReplyClassifier(config.maxMessageBytes());
  }

  /** Classifies the reply unless it was classified before. */
  @WithTransaction
  public Uni<Void> classify(ContractEvent<InboundReply> event) {
    InboundReply reply = event.data();
    return replies
        .findById(reply.replyId())
        .chain(seen -> seen != null ? Uni.createFrom().voidItem() : firstTime(reply));
  }

  private Uni<Void> firstTime(InboundReply inbound) {
    Classification result = classifySafely(inbound);
    Instant now = Instant.now();
    Reply reply = Replies.of(inbound, result, now);
    return sent.answeredBy(inbound.tenantId(), result.references())
        .invoke(thread -> thread.ifPresent(m -> Replies.thread(reply, m)))
        .chain(thread -> store(reply, inbound, result, now));
  }

  private Uni<Void> store(Reply reply, InboundReply inbound, Classification result, Instant now) {
    List<ContractEvent<?>> events = new ArrayList<>();
    events.add(eventOf(reply, result));
    events.addAll(SuppressionRequests.of(config.eventSource(), inbound, result, now));
    Uni<Void> work = replies.persist(reply).replaceWithVoid();
    for (ContractEvent<?> next : events) {
      // one session, one operation at a time
      work = work.chain(() -> outbox.add(next));
    }
    return work;
  }

  /** A classifier failure must not stall the partition: it dead-letters the record instead. */
  private Classification classifySafely(InboundReply inbound) {
    byte[] raw = decode(inbound.rawMime());
    try {
      return classifier.classify(
          raw,
          inbound.receivedAt().atZone(ZoneOffset.UTC).toLocalDate(),
          List.of(inbound.recipient().toLowerCase(java.util.Locale.ROOT)));
    } catch (RejectedEventException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new RejectedEventException("classifier failed: " + e, e);
    }
  }

  private ContractEvent<ReplyClassified> eventOf(Reply reply, Classification result) {
    ReplyClassified classified =
        new ReplyClassified(
            reply.replyId,
            reply.tenantId,
            reply.mailbox,
            reply.sender,
            reply.inReplyTo,
            reply.category,
            reply.confidence,
            reply.language,
            reply.returnDate,
            reply.classifiedAt,
            reply.category == ReplyCategory.INTERESTED,
            result.referral(),
            clip(result.newText()),
            result.evidence(),
            reply.campaign,
            reply.originalRecipient,
            report(result.bounce()));
    return ContractEvent.of(EventTypes.REPLY_CLASSIFIED, config.eventSource(), classified);
  }

  private static ReplyClassified.BounceReport report(Bounce b) {
    return b == null
        ? null
        : new ReplyClassified.BounceReport(
            b.recipients(),
            b.status(),
            b.hard(),
            b.reason() == null ? null : b.reason().code(),
            b.diagnostic());
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_NEW_TEXT ? text : text.substring(0, MAX_NEW_TEXT);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new RejectedEventException("rawMime is not base64: " + e.getMessage(), e);
    }
  }
}
