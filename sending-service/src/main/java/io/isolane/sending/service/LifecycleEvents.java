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
    SendRequest request = request(message);
    EmailEvent event =
        new EmailEvent(
            message.messageId,
            message.tenantId,
            type,
            message.mailbox,
            message.stream,
            null,
            Instant.now(),
            reason,
            null,
            null,
            null,
            request.tags());
    String key = message.tenantId + "/" + message.messageId + "/" + type;
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    return ContractEvent.withId(id, EventTypes.EMAIL_EVENT, config.eventSource(), event);
  }

  /** The message's stored send request. */
  static SendRequest request(Message message) {
    try {
      return ContractJson.mapper().readValue(message.request, SendRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored request of " + message.messageId + " is unreadable", e);
    }
  }

  /** A send request in its stored JSON form. */
  static String json(SendRequest request) {
    try {
      return ContractJson.mapper().writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store request " + request.messageId(), e);
    }
  }
}
