package io.isolane.replies.service;

import io.isolane.replies.ParsedMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Reads raw RFC 5322 messages with Apache James mime4j (permissive: broken structure is read as far
 * as it goes). Text parts are decoded with {@link Charsets}, headers' encoded words with the same
 * supersets, and HTML-only bodies are turned into text.
 */
public final class MailParser {
  private static final int MAX_DEPTH = 16;
  private static final Map<Charset, Charset> HEADER_CHARSETS =
      Map.of(
          Charset.forName("GB2312"), Charset.forName("GB18030"),
          Charset.forName("GBK"), Charset.forName("GB18030"),
          Charset.forName("Shift_JIS"), Charset.forName("windows-31j"),
          Charset.forName("ISO-8859-1"), Charset.forName("windows-1252"),
          Charset.forName("EUC-KR"), Charset.forName("x-windows-949"));

  /** Parses a message; throws {@link UnreadableMailException} when it has no header at all. */
  public ParsedMail parse(byte[] raw) {
    Message message = build(new ByteArrayInputStream(raw));
    Map<String, List<String>> headers = headers(message.getHeader());
    if (headers.isEmpty()) {
      throw new UnreadableMailException("no RFC 5322 header fields");
    }
    Parts parts = new Parts();
    walk(message, parts, 0);
    String text =
        !parts.plain.isEmpty()
            ? String.join("\n", parts.plain)
            : HtmlText.of(String.join("\n", parts.html));
    ContentTypeField type = contentType(message.getHeader());
    return new ParsedMail(
        headers,
        message.getMimeType().toLowerCase(Locale.ROOT),
        type == null ? null : type.getParameter("report-type"),
        text.replace("\r\n", "\n").replace('\r', '\n'),
        parts.deliveryStatus.toString(),
        parts.returnedHeaders,
        parts.notes);
  }

  private static Message build(InputStream in) {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
    builder.setDecodeMonitor(DecodeMonitor.SILENT);
    try {
      return builder.parseMessage(in);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableMailException("unreadable MIME: " + e.getMessage());
    }
  }

  private void walk(Entity entity, Parts parts, int depth) {
    if (depth > MAX_DEPTH) {
      parts.notes.add("MIME nesting deeper than " + MAX_DEPTH + " ignored");
      return;
    }
    Body body = entity.getBody();
    String type = entity.getMimeType().toLowerCase(Locale.ROOT);
    if (body instanceof Multipart multipart) {
      multipart.getBodyParts().forEach(part -> walk(part, parts, depth + 1));
    } else if (body instanceof Message returned) {
      if (parts.returnedHeaders.isEmpty()) {
        parts.returnedHeaders = headers(returned.getHeader());
      }
    } else if (body instanceof SingleBody single) {
      readSingle(entity, type, single, parts);
    }
  }

  private void readSingle(Entity entity, String type, SingleBody body, Parts parts) {
    String text = decode(body, entity.getCharset(), parts);
    switch (type) {
      case "message/delivery-status", "message/global-delivery-status" ->
          parts.deliveryStatus.append(text).append("\n\n");
      case "text/rfc822-headers" -> {
        if (parts.returnedHeaders.isEmpty()) {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          parts.returnedHeaders = headers(build(new ByteArrayInputStream(bytes)).getHeader());
        }
      }
      case "text/plain" -> {
        if (!"attachment".equalsIgnoreCase(entity.getDispositionType())) {
          parts.plain.add(text);
        }
      }
      case "text/html" -> parts.html.add(text);
      default -> {
        // other parts (images, attachments) carry nothing to classify
      }
    }
  }

  private static String decode(SingleBody body, String charset, Parts parts) {
    try (InputStream in = body.getInputStream()) {
      return Charsets.decode(in.readAllBytes(), charset);
    } catch (IOException | RuntimeException e) {
      parts.notes.add("undecodable part: " + e.getMessage());
      return "";
    }
  }

  /** Header values decoded (encoded words, raw 8-bit UTF-8), keyed by lower-case name. */
  static Map<String, List<String>> headers(Header header) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (header == null) {
      return out;
    }
    for (Field field : header.getFields()) {
      out.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(value(field));
    }
    return out;
  }

  private static String value(Field field) {
    String body = field.getBody();
    ByteSequence raw = field.getRaw();
    if (raw != null) {
      String full = Charsets.decode(raw.toByteArray(), null);
      int colon = full.indexOf(':');
      body = colon < 0 ? body : full.substring(colon + 1);
    }
    String unfolded = MimeUtil.unfold(body == null ? "" : body).trim();
    try {
      return DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT, null, HEADER_CHARSETS);
    } catch (RuntimeException e) {
      return unfolded;
    }
  }

  private static ContentTypeField contentType(Header header) {
    Field field = header.getField("Content-Type");
    return field instanceof ContentTypeField type ? type : null;
  }

  /** What the walk collects. */
  private static final class Parts {
    final List<String> plain = new ArrayList<>();
    final List<String> html = new ArrayList<>();
    final StringBuilder deliveryStatus = new StringBuilder();
    final List<String> notes = new ArrayList<>();
    Map<String, List<String>> returnedHeaders = new LinkedHashMap<>();
  }
}
