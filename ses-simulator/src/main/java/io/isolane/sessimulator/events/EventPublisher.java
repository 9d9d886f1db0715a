package io.isolane.sessimulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.sending.OutgoingEmail;
import io.isolane.sessimulator.sns.Sns;
import io.isolane.sessimulator.state.ConfigurationSet;
import io.isolane.sessimulator.state.ConfigurationSet.EventDestination;
import io.isolane.sessimulator.state.EmittedEvent;
import io.isolane.sessimulator.state.SesState;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Plays out every accepted message: suppression, the outcome model's fate of each recipient, and
 * the SES event records that result, published to the configuration set's enabled SNS event
 * destinations whose MatchingEventTypes include them. Records are built only when some destination
 * will receive them.
 */
public final class EventPublisher {
  static final String SUBJECT = "Amazon SES Email Event Notification";

  /**
   * A message SES accepted.
   *
   * @param email the message
   * @param messageId its SES message id
   * @param identityArn the identity that authorised its From address
   * @param acceptedAt when SendEmail accepted it
   */
  public record Accepted(
      OutgoingEmail email, String messageId, String identityArn, Instant acceptedAt) {}

  private final Vertx vertx;
  private final SimulatorConfig config;
  private final SesState state;
  private final Sns sns;
  private final OutcomeModel outcomes;
  private final Suppressions suppressions;
  private final AutoReplies autoReplies;

  public EventPublisher(
      Vertx vertx,
      SimulatorConfig config,
      SesState state,
      Sns sns,
      OutcomeModel outcomes,
      AutoReplies autoReplies) {
    this.vertx = vertx;
    this.config = config;
    this.state = state;
    this.sns = sns;
    this.outcomes = outcomes;
    this.suppressions = new Suppressions(state);
    this.autoReplies = autoReplies;
  }

  public void accepted(Accepted message) {
    ConfigurationSet set =
        message.email().configurationSetName() == null
            ? null
            : state.configurationSets.get(message.email().configurationSetName());
    List<EventDestination> destinations =
        set == null
            ? List.of()
            : set.destinations.values().stream().filter(EventDestination::enabled).toList();
    Emitter emitter = new Emitter(message, destinations);
    OutgoingEmail email = message.email();
    if (email.carriesVirus()) {
      emitter.emit("REJECT", null, () -> EventRecords.reject(emitter.mail()));
      return;
    }
    emitter.emit("SEND", null, () -> EventRecords.send(emitter.mail()));
    if (email.renderingError() != null) {
      emitter.emit(
          "RENDERING_FAILURE",
          null,
          () ->
              EventRecords.renderingFailure(
                  emitter.mail(), email.templateName(), email.renderingError()));
      return;
    }
    for (String recipient : message.email().recipients()) {
      playOut(emitter, set, Addressing.bare(recipient));
    }
  }

  private void playOut(Emitter emitter, ConfigurationSet set, String recipient) {
    OutgoingEmail email = emitter.message.email();
    String listed = suppressions.listedOn(email.tenantName(), set, recipient);
    if (listed != null) {
      bounce(emitter, recipient, "Permanent", listed, "5.1.1", diagnostic(listed));
      return;
    }
    Fate fate = outcomes.fate(recipient);
    boolean consequential =
        emitter.publishes()
            || fate.kind() == Fate.Kind.HARD_BOUNCE
            || fate.complaint()
            || fate.autoReply();
    if (!consequential) {
      return; // nobody listens and nothing changes: no timer for it (load tests send millions)
    }
    vertx.setTimer(Math.max(1, fate.latencyMillis()), t -> conclude(emitter, set, recipient, fate));
    if (fate.delayed() || fate.kind() == Fate.Kind.SOFT_BOUNCE) {
      Instant expires = Instant.now().plusSeconds(24 * 3600);
      emitter.emit(
          "DELIVERY_DELAY",
          recipient,
          () -> EventRecords.deliveryDelay(emitter.mail(), recipient, Instant.now(), expires));
    }
  }

  private void conclude(Emitter emitter, ConfigurationSet set, String recipient, Fate fate) {
    Instant now = Instant.now();
    switch (fate.kind()) {
      case HARD_BOUNCE -> {
        bounce(emitter, recipient, "Permanent", "General", "5.1.1", "smtp; 550 5.1.1 user unknown");
        suppressions.remember(emitter.message, set, recipient, "BOUNCE");
      }
      case SOFT_BOUNCE ->
          bounce(
              emitter,
              recipient,
              "Transient",
              "MailboxFull",
              "4.2.2",
              "smtp; 452 4.2.2 Mailbox full");
      case GLOBALLY_SUPPRESSED ->
          bounce(
              emitter,
              recipient,
              "Permanent",
              "Suppressed",
              "5.1.1",
              EventRecords.SUPPRESSED_GLOBAL);
      case DELIVERED -> delivered(emitter, set, recipient, fate, now);
    }
  }

  private static void bounce(
      Emitter emitter,
      String recipient,
      String type,
      String subType,
      String status,
      String diagnostic) {
    emitter.emit(
        "BOUNCE",
        recipient,
        () ->
            EventRecords.bounce(
                emitter.mail(), recipient, Instant.now(), type, subType, status, diagnostic));
  }

  private void delivered(
      Emitter emitter, ConfigurationSet set, String recipient, Fate fate, Instant now) {
    long processing = now.toEpochMilli() - emitter.message.acceptedAt().toEpochMilli();
    emitter.emit(
        "DELIVERY",
        recipient,
        () -> EventRecords.delivery(emitter.mail(), recipient, now, processing));
    if (fate.autoReply()) {
      autoReplies.reply(emitter.message, recipient);
    }
    if (fate.complaint()) {
      emitter.emit(
          "COMPLAINT",
          recipient,
          () -> EventRecords.complaint(emitter.mail(), recipient, Instant.now()));
      suppressions.remember(emitter.message, set, recipient, "COMPLAINT");
    }
    if (fate.open()) {
      emitter.emit("OPEN", recipient, () -> EventRecords.open(emitter.mail(), Instant.now()));
    }
    if (fate.click()) {
      emitter.emit("CLICK", recipient, () -> EventRecords.click(emitter.mail(), Instant.now()));
    }
  }

  private static String diagnostic(String subType) {
    return "OnTenantSuppressionList".equals(subType)
        ? EventRecords.SUPPRESSED_TENANT
        : EventRecords.SUPPRESSED_ACCOUNT;
  }

  /** Builds the mail object once per message, and only if some destination wants an event. */
  private final class Emitter {
    private final Accepted message;
    private final List<EventDestination> destinations;
    private ObjectNode mail;

    Emitter(Accepted message, List<EventDestination> destinations) {
      this.message = message;
      this.destinations = destinations;
    }

    boolean publishes() {
      return !destinations.isEmpty();
    }

    synchronized ObjectNode mail() {
      if (mail == null) {
        mail =
            MailObject.of(
                config,
                message.email(),
                message.messageId(),
                message.identityArn(),
                message.acceptedAt());
      }
      return mail;
    }

    void emit(String destinationType, String recipient, Supplier<ObjectNode> record) {
      List<EventDestination> targets =
          destinations.stream()
              .filter(d -> d.matchingEventTypes().contains(destinationType))
              .toList();
      if (targets.isEmpty()) {
        return;
      }
      ObjectNode built = record.get();
      String json = built.toString();
      state.events.add(
          new EmittedEvent(
              message.messageId(),
              built.path("eventType").asText(),
              recipient,
              Instant.now(),
              json));
      for (EventDestination target : targets) {
        if (target.snsTopicArn() != null) {
          sns.topic(target.snsTopicArn()).ifPresent(topic -> sns.publish(topic, SUBJECT, json));
        }
      }
    }
  }

  /** Recipient addresses in event records are bare and lower case. */
  private static final class Addressing {
    static String bare(String address) {
      return io.isolane.sessimulator.sending.Addresses.bare(address).toLowerCase(Locale.ROOT);
    }
  }
}
