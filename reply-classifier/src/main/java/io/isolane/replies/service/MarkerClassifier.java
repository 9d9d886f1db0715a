package io.isolane.replies.service;

import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.Classification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * First-pass classification from unambiguous markers only: delivery reports, RFC 3834 and vendor
 * auto-reply headers, and explicit unsubscribe phrases in six languages. Everything else is {@code
 * other} with low confidence; the language-aware model comes with the reply-classifier issue.
 */
public final class MarkerClassifier {
  private static final Pattern OUT_OF_OFFICE =
      Pattern.compile(
          "out of (the )?office|automatic reply|auto.?reply|abwesenheit|ausente|fora do escrit"
              + "|absence|absent|отсутств|в отпуске",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern UNSUBSCRIBE =
      Pattern.compile(
          "unsubscribe|remove me|descadastr|darme de baja|dar de baja|отпишите|abmelden"
              + "|désinscri|desinscri",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final List<String> AUTO_REPLY_HEADERS =
      List.of("X-Autoreply", "X-Autorespond", "X-MS-Exchange-Inbox-Rules-Loop");

  private final int maxBytes;

  public MarkerClassifier(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Classifies a raw RFC 5322 message; unreadable input is rejected with the reason. */
  public Classification classify(byte[] raw) {
    Message message = parse(raw);
    String subject = message.getSubject();
    String text = (subject == null ? "" : subject) + "\n" + firstText(message);
    if (isDeliveryReport(message)) {
      return new Classification(ReplyCategory.BOUNCE, 0.9, subject);
    }
    if (isAutomatic(message)) {
      return OUT_OF_OFFICE.matcher(text).find()
          ? new Classification(ReplyCategory.OUT_OF_OFFICE, 0.8, subject)
          : new Classification(ReplyCategory.AUTO_REPLY, 0.7, subject);
    }
    if (UNSUBSCRIBE.matcher(text).find()) {
      return new Classification(ReplyCategory.UNSUBSCRIBE, 0.6, subject);
    }
    return new Classification(ReplyCategory.OTHER, 0.1, subject);
  }

  private Message parse(byte[] raw) {
    if (raw.length > maxBytes) {
      throw new RejectedEventException("message of " + raw.length + " bytes exceeds " + maxBytes);
    }
    MimeConfig config = MimeConfig.PERMISSIVE;
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(config);
    try {
      return builder.parseMessage(new ByteArrayInputStream(raw));
    } catch (IOException | RuntimeException e) {
      throw new RejectedEventException("unreadable MIME: " + e.getMessage(), e);
    }
  }

  private static boolean isDeliveryReport(Message message) {
    Field field = message.getHeader().getField("Content-Type");
    return field instanceof ContentTypeField type
        && "multipart/report".equalsIgnoreCase(type.getMimeType())
        && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
  }

  private static boolean isAutomatic(Message message) {
    Field autoSubmitted = message.getHeader().getField("Auto-Submitted");
    if (autoSubmitted != null && !"no".equalsIgnoreCase(autoSubmitted.getBody().trim())) {
      return true;
    }
    Field precedence = message.getHeader().getField("Precedence");
    if (precedence != null && "auto_reply".equalsIgnoreCase(precedence.getBody().trim())) {
      return true;
    }
    return AUTO_REPLY_HEADERS.stream().anyMatch(h -> message.getHeader().getField(h) != null);
  }

  private static String firstText(Entity entity) {
    Body body = entity.getBody();
    if (body instanceof TextBody text
        && entity.getMimeType().toLowerCase(Locale.ROOT).startsWith("text/")) {
      try {
        return read(text);
      } catch (IOException e) {
        return "";
      }
    }
    if (body instanceof Multipart multipart) {
      for (Entity part : multipart.getBodyParts()) {
        String found = firstText(part);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return "";
  }

  private static String read(TextBody text) throws IOException {
    StringWriter out = new StringWriter();
    try (var reader = text.getReader()) {
      reader.transferTo(out);
    }
    return out.toString();
  }
}
