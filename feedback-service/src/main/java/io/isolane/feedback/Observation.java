package io.isolane.feedback;

import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.ReplyClassified;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one event adds to a tenant's health figures and reports.
 *
 * @param subjects the senders whose figures it changes
 * @param delta what it adds to each (for a recipient domain, see {@link #recipientDelta})
 * @param recipientDelta what it adds to the recipient domain's figures
 * @param hour the report hour it counts in
 * @param mailbox the sending mailbox ("" when unknown)
 * @param recipientDomain the recipient's domain ("" for message-level events)
 * @param metrics the report metrics it counts for
 */
public record Observation(
    List<HealthSubject> subjects,
    HealthFigures delta,
    HealthFigures recipientDelta,
    Instant hour,
    String mailbox,
    String recipientDomain,
    List<String> metrics) {

  /** What an email event adds, if anything. */
  public static Optional<Observation> of(EmailEvent e) {
    String bounceKind = e.bounce() == null ? "" : e.bounce().kind();
    boolean hard = "permanent".equals(bounceKind);
    List<String> metrics = new ArrayList<>();
    HealthFigures delta;
    switch (e.type()) {
      case SENT -> delta = new HealthFigures(1, 0, 0, 0, 0, 0);
      case DELIVERED -> delta = HealthFigures.NONE;
      case BOUNCED ->
          delta = hard ? new HealthFigures(0, 1, 0, 0, 0, 0) : new HealthFigures(0, 0, 1, 0, 0, 0);
      case COMPLAINED -> delta = new HealthFigures(0, 0, 0, 1, 0, 0);
      case UNSUBSCRIBED -> delta = new HealthFigures(0, 0, 0, 0, 1, 0);
      case OPENED, CLICKED, REJECTED, FAILED, SUPPRESSED, DELIVERY_DELAYED, EXPIRED, CANCELLED ->
          delta = HealthFigures.NONE;
      default -> {
        return Optional.empty();
      }
    }
    metrics.add(metric(e));
    if (e.type() == io.isolane.contracts.events.EmailEventType.BOUNCED
        && e.bounce() != null
        && e.bounce().reasonClass() != null) {
      metrics.add("bounce_reason:" + e.bounce().reasonClass());
    }
    // a recipient domain has no message-level sends: its deliveries and bounces stand for them
    boolean attempt =
        e.type() == io.isolane.contracts.events.EmailEventType.DELIVERED
            || e.type() == io.isolane.contracts.events.EmailEventType.BOUNCED;
    HealthFigures recipientDelta =
        new HealthFigures(
            attempt ? 1 : 0,
            delta.hardBounces(),
            delta.softBounces(),
            delta.complaints(),
            delta.unsubscribes(),
            0);
    return Optional.of(
        new Observation(
            subjects(e.mailbox(), e.recipient()),
            delta,
            recipientDelta,
            hourOf(e.occurredAt()),
            lower(e.mailbox()),
            HealthSubject.domainOf(e.recipient()),
            metrics));
  }

  /** What a classified reply adds: a reply for its mailbox, counted by category. */
  public static Observation of(ReplyClassified r) {
    HealthFigures delta = new HealthFigures(0, 0, 0, 0, 0, 1);
    return new Observation(
        subjects(r.mailbox(), r.sender()),
        delta,
        delta,
        hourOf(r.classifiedAt()),
        lower(r.mailbox()),
        HealthSubject.domainOf(r.sender()),
        List.of("replied:" + r.category().name().toLowerCase(Locale.ROOT)));
  }

  private static List<HealthSubject> subjects(String mailbox, String recipient) {
    List<HealthSubject> subjects = new ArrayList<>();
    if (mailbox != null && mailbox.contains("@")) {
      subjects.add(HealthSubject.mailbox(mailbox));
      subjects.add(HealthSubject.sendingDomain(HealthSubject.domainOf(mailbox)));
    }
    subjects.add(HealthSubject.TENANT);
    if (recipient != null && recipient.contains("@")) {
      subjects.add(HealthSubject.recipientDomain(HealthSubject.domainOf(recipient)));
    }
    return subjects;
  }

  private static String metric(EmailEvent e) {
    return switch (e.type()) {
      case BOUNCED ->
          e.bounce() != null && "permanent".equals(e.bounce().kind())
              ? "bounced_hard"
              : "bounced_soft";
      default -> e.type().name().toLowerCase(Locale.ROOT);
    };
  }

  private static Instant hourOf(Instant at) {
    return (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.HOURS);
  }

  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }
}
