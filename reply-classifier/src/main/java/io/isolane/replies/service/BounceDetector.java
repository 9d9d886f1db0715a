package io.isolane.replies.service;

import io.isolane.replies.Bounce;
import io.isolane.replies.BounceReason;
import io.isolane.replies.ParsedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds delivery failure reports: RFC 3464 multipart/report first (the machine-readable fields are
 * exact), then the free-text formats of MTAs that send none, recognised by their sender, subject
 * and wording together so that a person writing "undeliverable" is not a bounce.
 */
public final class BounceDetector {
  /** A bounce and what gave it away. */
  public record Detected(Bounce bounce, double confidence, List<String> evidence) {}

  private BounceDetector() {}

  /**
   * The bounce this mail reports, if it is one.
   *
   * @param ownAddresses addresses that cannot be the failed recipient (the tenant mailbox ...)
   */
  public static Optional<Detected> detect(ParsedMail mail, List<String> ownAddresses) {
    List<String> evidence = new ArrayList<>();
    if (!mail.deliveryStatus().isBlank()) {
      evidence.add("message/delivery-status part (RFC 3464)");
      Optional<Detected> report = fromReport(mail, evidence);
      if (report.isPresent() || "delivery-status".equalsIgnoreCase(mail.reportType())) {
        return report;
      }
    }
    return fromText(mail, ownAddresses, evidence);
  }

  private static Optional<Detected> fromReport(ParsedMail mail, List<String> evidence) {
    List<DeliveryStatus.Recipient> all = DeliveryStatus.recipients(mail.deliveryStatus());
    List<DeliveryStatus.Recipient> failed =
        all.stream().filter(r -> r.action().startsWith("failed")).toList();
    if (failed.isEmpty()) {
      failed = all.stream().filter(r -> r.action().startsWith("delayed")).toList();
    }
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    DeliveryStatus.Recipient first = failed.get(0);
    boolean delayed = first.action().startsWith("delayed");
    String context = BounceText.failureSection(mail.text());
    BounceReason reason =
        delayed
            ? BounceReason.DELAYED
            : BounceReasons.of(first.status(), first.diagnostic(), context);
    boolean permanent = !delayed && (first.status() == null || first.status().startsWith("5"));
    evidence.add(
        "Action: "
            + first.action()
            + (first.status() == null ? "" : ", Status: " + first.status()));
    Bounce bounce =
        new Bounce(
            failed.stream().map(DeliveryStatus.Recipient::address).toList(),
            first.status(),
            permanent && reason.recipientGone(),
            reason,
            first.diagnostic());
    return Optional.of(new Detected(bounce, 0.99, evidence));
  }

  private static Optional<Detected> fromText(
      ParsedMail mail, List<String> ownAddresses, List<String> evidence) {
    String failedHeader = mail.header("x-failed-recipients");
    boolean daemon = BounceText.fromDaemon(mail);
    boolean subject = BounceText.subjectSays(mail);
    if (failedHeader == null && !daemon && !subject) {
      // the body alone never makes a bounce: skip scanning it (most replies end here)
      return Optional.empty();
    }
    boolean body = BounceText.bodySays(mail.text());
    int signals = (daemon ? 1 : 0) + (subject ? 1 : 0) + (body ? 1 : 0);
    if (failedHeader == null && signals < 2) {
      return Optional.empty();
    }
    String section = BounceText.failureSection(mail.text());
    List<String> recipients = recipients(mail, failedHeader, section, ownAddresses);
    if (recipients.isEmpty()) {
      return Optional.empty();
    }
    addEvidence(evidence, failedHeader, daemon, subject, body);
    String status = BounceText.status(section);
    String diagnostic = BounceText.diagnostic(section);
    boolean temporary =
        status != null ? status.startsWith("4") : BounceText.TEMPORARY.matcher(section).find();
    BounceReason reason =
        temporary && status == null
            ? BounceReason.DELAYED
            : BounceReasons.of(status, diagnostic, section);
    if (status != null) {
      evidence.add("status " + status + " in the report text");
    }
    Bounce bounce =
        new Bounce(recipients, status, !temporary && reason.recipientGone(), reason, diagnostic);
    return Optional.of(
        new Detected(bounce, failedHeader != null || signals == 3 ? 0.95 : 0.85, evidence));
  }

  private static List<String> recipients(
      ParsedMail mail, String failedHeader, String section, List<String> ownAddresses) {
    if (failedHeader != null) {
      return List.copyOf(Addresses.in(failedHeader));
    }
    List<String> excluded = new ArrayList<>(ownAddresses);
    excluded.add(Addresses.of(mail.header("from")));
    excluded.addAll(Addresses.in(mail.header("to")));
    List<String> returnedFrom = mail.returnedHeaders().get("from");
    if (returnedFrom != null) {
      returnedFrom.forEach(f -> excluded.add(Addresses.of(f)));
    }
    List<String> named = BounceText.recipients(section, excluded);
    if (!named.isEmpty()) {
      return named;
    }
    List<String> returnedTo = mail.returnedHeaders().get("to");
    return returnedTo == null ? List.of() : List.copyOf(Addresses.in(String.join(",", returnedTo)));
  }

  private static void addEvidence(
      List<String> evidence, String failedHeader, boolean daemon, boolean subject, boolean body) {
    if (failedHeader != null) {
      evidence.add("header X-Failed-Recipients");
    }
    if (daemon) {
      evidence.add("sender is a mail system (mailer-daemon, postmaster ...)");
    }
    if (subject) {
      evidence.add("subject names a delivery failure");
    }
    if (body) {
      evidence.add("body reports a delivery failure");
    }
  }
}
