package io.isolane.replies.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.replies.SentMessage;
import io.isolane.replies.repository.SentMessageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Remembers sent messages by SES message id and finds the one a reply answers. */
@ApplicationScoped
public class SentMessages {
  private final SentMessageRepository sent;

  public SentMessages(SentMessageRepository sent) {
    this.sent = sent;
  }

  /** Records a SENT event (once); every other event type is ignored. */
  @WithTransaction
  public Uni<Void> record(ContractEvent<EmailEvent> event) {
    EmailEvent e = event.data();
    if (e.type() != EmailEventType.SENT || e.sesMessageId() == null) {
      return Uni.createFrom().voidItem();
    }
    return sent.findById(e.sesMessageId())
        .chain(
            seen ->
                seen != null ? Uni.createFrom().voidItem() : sent.persist(of(e)).replaceWithVoid());
  }

  /**
   * The tenant's sent message that the first matching id names, in the reply's order (In-Reply-To
   * before References); empty when none is the tenant's.
   */
  public Uni<Optional<SentMessage>> answeredBy(String tenantId, List<String> messageIds) {
    List<String> sesIds =
        messageIds.stream().map(MessageIds::sesMessageId).flatMap(Optional::stream).toList();
    if (sesIds.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return sent.findForTenant(tenantId, sesIds)
        .map(
            found ->
                found.stream().min(Comparator.comparingInt(m -> sesIds.indexOf(m.sesMessageId))));
  }

  private static SentMessage of(EmailEvent e) {
    SentMessage m = new SentMessage();
    m.sesMessageId = e.sesMessageId();
    m.tenantId = e.tenantId();
    m.messageId = e.messageId();
    m.mailbox = e.mailbox();
    m.recipient = e.recipient();
    m.campaign = e.tags() == null ? null : e.tags().get("campaign");
    m.sentAt = e.occurredAt();
    return m;
  }
}
