package io.isolane.sessimulator.sending;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The RFC 5322 message SES would send for a SendEmail request. */
public final class MimeRenderer {
  private MimeRenderer() {}

  public static String render(OutgoingEmail email, String messageId) {
    if (email.raw() != null) {
      return new String(email.raw(), StandardCharsets.UTF_8);
    }
    StringBuilder mime = new StringBuilder();
    header(mime, "From", email.fromHeader());
    header(mime, "To", String.join(", ", email.to()));
    if (!email.cc().isEmpty()) {
      header(mime, "Cc", String.join(", ", email.cc()));
    }
    if (!email.replyTo().isEmpty()) {
      header(mime, "Reply-To", String.join(", ", email.replyTo()));
    }
    header(mime, "Subject", email.subject() == null ? "" : email.subject());
    header(
        mime,
        "Date",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    header(mime, "Message-ID", "<" + messageId + "@email.amazonses.com>");
    email.headers().forEach((name, value) -> header(mime, name, value));
    header(mime, "MIME-Version", "1.0");
    if (email.text() != null && email.html() != null) {
      String boundary = "----=_Part_" + UUID.randomUUID();
      header(mime, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
      mime.append("\r\n");
      part(mime, boundary, "text/plain", email.text());
      part(mime, boundary, "text/html", email.html());
      mime.append("--").append(boundary).append("--\r\n");
    } else {
      boolean html = email.html() != null;
      header(mime, "Content-Type", (html ? "text/html" : "text/plain") + "; charset=UTF-8");
      mime.append("\r\n").append(html ? email.html() : nullToEmpty(email.text())).append("\r\n");
    }
    return mime.toString();
  }

  private static void part(StringBuilder mime, String boundary, String type, String body) {
    mime.append("--").append(boundary).append("\r\n");
    header(mime, "Content-Type", type + "; charset=UTF-8");
    mime.append("\r\n").append(body).append("\r\n");
  }

  private static void header(StringBuilder mime, String name, String value) {
    mime.append(name).append(": ").append(value).append("\r\n");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
