package io.isolane.sessimulator.inbound;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.sending.Addresses;
import io.isolane.sessimulator.sending.MessageIds;
import io.isolane.sessimulator.sending.RawHeaders;
import io.isolane.sessimulator.sns.Sns;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SES email receiving with SNS actions: a raw message addressed to a domain with a receipt rule
 * becomes a {@code Received} notification, content included, on the rule's topic. As with SES's SNS
 * action, messages over 150 KB are refused (SES bounces them).
 */
public final class Receiver {
  /** The SNS action's limit on the whole message, headers included. */
  public static final int MAX_BYTES = 150 * 1024;

  static final String SUBJECT = "Amazon SES Email Receipt Notification";
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Sns sns;
  private final Map<String, ReceiptRule> rules = new ConcurrentHashMap<>();

  public Receiver(Sns sns) {
    this.sns = sns;
  }

  public void rule(ReceiptRule rule) {
    rules.put(rule.domain().toLowerCase(Locale.ROOT), rule);
  }

  public boolean removeRule(String domain) {
    return rules.remove(domain.toLowerCase(Locale.ROOT)) != null;
  }

  /**
   * Receives a raw message for its To and Cc recipients; returns the recipients that matched a rule
   * (each rule's topic gets one notification).
   */
  public List<String> receive(byte[] raw) {
    if (raw.length > MAX_BYTES) {
      throw SesException.messageRejected(
          "Message of "
              + raw.length
              + " bytes exceeds the SNS action's 150 KB limit; SES bounces it.");
    }
    Map<String, String> headers = RawHeaders.of(raw);
    List<String> recipients =
        RawHeaders.addresses(headers, "to", "cc").stream().map(Addresses::bare).toList();
    List<String> matched =
        recipients.stream().filter(r -> rules.containsKey(Addresses.domain(r))).toList();
    String messageId = MessageIds.next();
    matched.stream()
        .map(r -> rules.get(Addresses.domain(r)))
        .distinct()
        .forEach(rule -> notify(rule, raw, headers, recipients, matched, messageId));
    return matched;
  }

  private void notify(
      ReceiptRule rule,
      byte[] raw,
      Map<String, String> headers,
      List<String> destination,
      List<String> matched,
      String messageId) {
    Instant now = Instant.now();
    ObjectNode notification = Json.object().put("notificationType", "Received");
    ObjectNode mail =
        notification
            .putObject("mail")
            .put("timestamp", ISO.format(now))
            .put("source", headers.getOrDefault("return-path", headers.getOrDefault("from", "")))
            .put("messageId", messageId);
    mail.set("destination", Json.array(destination));
    mail.put("headersTruncated", false);
    ArrayNode headerList = mail.putArray("headers");
    headers.forEach((name, value) -> headerList.addObject().put("name", name).put("value", value));
    ObjectNode common = mail.putObject("commonHeaders");
    common.set("from", Json.array(RawHeaders.addresses(headers, "from")));
    common.set("to", Json.array(RawHeaders.addresses(headers, "to")));
    if (headers.containsKey("subject")) {
      common.put("subject", headers.get("subject"));
    }
    if (headers.containsKey("message-id")) {
      common.put("messageId", headers.get("message-id"));
    }
    notification.set("receipt", receipt(rule, now, matched));
    notification.put(
        "content",
        rule.base64()
            ? Base64.getEncoder().encodeToString(raw)
            : new String(raw, StandardCharsets.UTF_8));
    sns.topic(rule.topicArn())
        .ifPresent(topic -> sns.publish(topic, SUBJECT, notification.toString()));
  }

  private static ObjectNode receipt(ReceiptRule rule, Instant now, List<String> matched) {
    ObjectNode receipt =
        Json.object().put("timestamp", ISO.format(now)).put("processingTimeMillis", 12);
    receipt.set(
        "recipients",
        Json.array(
            matched.stream().filter(r -> Addresses.domain(r).equals(rule.domain())).toList()));
    for (String verdict :
        List.of("spamVerdict", "virusVerdict", "spfVerdict", "dkimVerdict", "dmarcVerdict")) {
      receipt.putObject(verdict).put("status", "PASS");
    }
    receipt
        .putObject("action")
        .put("type", "SNS")
        .put("topicArn", rule.topicArn())
        .put("encoding", rule.base64() ? "BASE64" : "UTF8");
    return receipt;
  }
}
