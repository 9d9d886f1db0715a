package io.isolane.sending.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SendRequest;
import io.isolane.sending.Message;
import io.isolane.sending.config.SendingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds the email.events of a message's lifecycle. */
@ApplicationScoped
public class LifecycleEvents {
  private final SendingConfig config;

  public LifecycleEvents(SendingConfig config) {
    this.config = config;
  }

  /**
   * The event for a message-level lifecycle step. Its id derives from the message and the step, so
   * publishing the same step twice yields the same event id.
   */
  public ContractEvent<EmailEvent> of(Message message, EmailEventType type, String reason) {
    return of(request(message), type, reason, null, "");
  }

  /**
   * The event for a step of the request's lifecycle; {@code step} tells repeated steps apart (e.g.
   * the attempt of a deferral), so that only a true repeat yields the same event id.
   */
  public ContractEvent<EmailEvent> of(
      SendRequest request, EmailEventType type, String reason, String sesMessageId, String step) {
    EmailEvent event =
        new EmailEvent(
            request.messageId(),
            request.tenantId(),
            type,
            request.mailbox(),
            request.stream(),
            null,
            Instant.now(),
            reason,
            sesMessageId,
            null,
            null,
            request.tags());
    String key = request.tenantId() + "/" + request.messageId() + "/" + type + step;
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    return ContractEvent.withId(id, EventTypes.EMAIL_EVENT, config.eventSource(), event);
  }

  /** The message's stored send request. */
  static SendRequest request(Message message) {
    return read(message.request, SendRequest.class);
  }

  /** A stored contract record. */
  static <T> T read(String json, Class<T> type) {
    try {
      return ContractJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }

  /** A contract record in its stored JSON form. */
  static String json(Object record) {
    try {
      return ContractJson.mapper().writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store " + record.getClass().getSimpleName(), e);
    }
  }
}
