package io.isolane.contracts;

import io.isolane.contracts.events.DomainLimits;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionRequest;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.contracts.events.TenantState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The event catalogue: one type per topic. */
public final class EventTypes {
  public static final EventType<TenantState> TENANT_STATE =
      new EventType<>("tenant-state", 1, TenantState.class, Topic.TENANT_STATE, null);
  public static final EventType<SendRequest> SEND_REQUEST =
      new EventType<>("send-request", 1, SendRequest.class, Topic.SEND_REQUESTS, null);
  public static final EventType<EmailEvent> EMAIL_EVENT =
      new EventType<>("email-event", 1, EmailEvent.class, Topic.EMAIL_EVENTS, null);
  public static final EventType<MailboxLimits> MAILBOX_LIMITS =
      new EventType<>(
          "mailbox-limits", 1, MailboxLimits.class, Topic.MAILBOX_LIMITS, MailboxLimits::mailbox);
  public static final EventType<DomainLimits> DOMAIN_LIMITS =
      new EventType<>(
          "domain-limits", 1, DomainLimits.class, Topic.DOMAIN_LIMITS, DomainLimits::domain);
  public static final EventType<Suppression> SUPPRESSION =
      new EventType<>(
          "suppression", 1, Suppression.class, Topic.SUPPRESSIONS, Suppression::address);
  public static final EventType<TenantCommand> TENANT_COMMAND =
      new EventType<>("tenant-command", 1, TenantCommand.class, Topic.TENANT_COMMANDS, null);
  public static final EventType<InboundReply> INBOUND_REPLY =
      new EventType<>("inbound-reply", 1, InboundReply.class, Topic.INBOUND_REPLIES, null);
  public static final EventType<ReplyClassified> REPLY_CLASSIFIED =
      new EventType<>("reply-classified", 1, ReplyClassified.class, Topic.REPLY_CLASSIFIED, null);

  public static final EventType<SuppressionRequest> SUPPRESSION_REQUEST =
      new EventType<>(
          "suppression-request", 1, SuppressionRequest.class, Topic.SUPPRESSION_REQUESTS, null);
  public static final EventType<SenderHealth> SENDER_HEALTH =
      new EventType<>("sender-health", 1, SenderHealth.class, Topic.SENDER_HEALTH, null);

  private static final List<EventType<?>> ALL =
      List.of(
          TENANT_STATE,
          SEND_REQUEST,
          EMAIL_EVENT,
          MAILBOX_LIMITS,
          DOMAIN_LIMITS,
          SUPPRESSION,
          TENANT_COMMAND,
          INBOUND_REPLY,
          REPLY_CLASSIFIED,
          SUPPRESSION_REQUEST,
          SENDER_HEALTH);
  // looked up for every outbox row a relay publishes
  private static final Map<String, EventType<?>> BY_CE_TYPE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, t -> t));

  private EventTypes() {}

  /** Every event type. */
  public static List<EventType<?>> all() {
    return ALL;
  }

  /** The event type with this CloudEvents type string. */
  public static Optional<EventType<?>> byCeType(String ceType) {
    return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
  }
}
