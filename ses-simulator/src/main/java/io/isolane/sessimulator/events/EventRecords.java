package io.isolane.sessimulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.sending.MessageIds;
import io.isolane.sessimulator.web.Json;
import java.time.Instant;
import java.util.List;

/** SES event-publishing records, in SES's JSON shape, one per event and recipient. */
final class EventRecords {
  static final String SUPPRESSED_GLOBAL =
      "Amazon SES has suppressed sending to this address because it has a recent history of"
          + " bouncing as an invalid address.";
  static final String SUPPRESSED_ACCOUNT =
      "Amazon SES did not send the message to this address because it is on the suppression list"
          + " for your account.";
  static final String SUPPRESSED_TENANT =
      "Amazon SES did not send the message to this address because it is on the suppression list"
          + " for your tenant.";
  private static final String OUTBOUND_MTA = "a8-44.smtp-out.amazonses.com";

  private EventRecords() {}

  static ObjectNode send(ObjectNode mail) {
    ObjectNode record = base("Send", mail);
    record.putObject("send");
    return record;
  }

  static ObjectNode delivery(ObjectNode mail, String recipient, Instant at, long processingMillis) {
    ObjectNode record = base("Delivery", mail);
    ObjectNode delivery =
        record
            .putObject("delivery")
            .put("timestamp", SesTime.iso(at))
            .put("processingTimeMillis", processingMillis);
    delivery.set("recipients", Json.array(List.of(recipient)));
    delivery
        .put("smtpResponse", "250 2.6.0 Message received")
        .put("reportingMTA", OUTBOUND_MTA)
        .put("remoteMtaIp", "192.0.2.25");
    return record;
  }

  /** A bounce; {@code status}/{@code diagnostic} null for bounces SES made itself without a DSN. */
  static ObjectNode bounce(
      ObjectNode mail,
      String recipient,
      Instant at,
      String type,
      String subType,
      String status,
      String diagnostic) {
    ObjectNode record = base("Bounce", mail);
    ObjectNode bounce =
        record.putObject("bounce").put("bounceType", type).put("bounceSubType", subType);
    ObjectNode bounced =
        bounce.putArray("bouncedRecipients").addObject().put("emailAddress", recipient);
    if (status != null) {
      bounced.put("action", "failed").put("status", status).put("diagnosticCode", diagnostic);
    }
    bounce
        .put("timestamp", SesTime.iso(at))
        .put("feedbackId", MessageIds.next())
        .put("reportingMTA", status != null ? "dns; " + OUTBOUND_MTA : "dns; amazonses.com");
    return record;
  }

  static ObjectNode complaint(ObjectNode mail, String recipient, Instant at) {
    ObjectNode record = base("Complaint", mail);
    ObjectNode complaint = record.putObject("complaint");
    complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
    complaint
        .put("timestamp", SesTime.iso(at))
        .put("feedbackId", MessageIds.next())
        .putNull("complaintSubType");
    complaint
        .put("userAgent", "Amazon SES Mailbox Simulator")
        .put("complaintFeedbackType", "abuse")
        .put("arrivalDate", SesTime.iso(at));
    return record;
  }

  static ObjectNode deliveryDelay(ObjectNode mail, String recipient, Instant at, Instant expires) {
    ObjectNode record = base("DeliveryDelay", mail);
    ObjectNode delay =
        record
            .putObject("deliveryDelay")
            .put("timestamp", SesTime.iso(at))
            .put("delayType", "General");
    delay
        .putArray("delayedRecipients")
        .addObject()
        .put("emailAddress", recipient)
        .put("status", "4.4.1")
        .put("diagnosticCode", "smtp; 421 4.4.1 Unable to connect to remote host");
    delay.put("expirationTime", SesTime.iso(expires)).put("reportingMTA", OUTBOUND_MTA);
    return record;
  }

  static ObjectNode open(ObjectNode mail, Instant at) {
    ObjectNode record = base("Open", mail);
    record
        .putObject("open")
        .put("timestamp", SesTime.iso(at))
        .put("userAgent", "Mozilla/5.0 (simulated)")
        .put("ipAddress", "192.0.2.80");
    return record;
  }

  static ObjectNode click(ObjectNode mail, Instant at) {
    ObjectNode record = base("Click", mail);
    ObjectNode click =
        record
            .putObject("click")
            .put("timestamp", SesTime.iso(at))
            .put("userAgent", "Mozilla/5.0 (simulated)")
            .put("ipAddress", "192.0.2.80")
            .put("link", "https://example.com/");
    click.putObject("linkTags");
    return record;
  }

  static ObjectNode reject(ObjectNode mail) {
    ObjectNode record = base("Reject", mail);
    record.putObject("reject").put("reason", "Bad content");
    return record;
  }

  static ObjectNode renderingFailure(ObjectNode mail, String templateName, String errorMessage) {
    ObjectNode record = base("Rendering Failure", mail);
    record.putObject("failure").put("templateName", templateName).put("errorMessage", errorMessage);
    return record;
  }

  private static ObjectNode base(String eventType, ObjectNode mail) {
    ObjectNode record = Json.object().put("eventType", eventType);
    record.set("mail", mail);
    return record;
  }
}
