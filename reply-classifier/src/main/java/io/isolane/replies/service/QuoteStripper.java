package io.isolane.replies.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps a reply's own words: everything from the first quote header, original-message or
 * forwarded-message marker, Outlook header block or signature on is cut, and {@code >}-quoted lines
 * are dropped. Headers are recognised in English, Portuguese, Spanish, Russian, German and French.
 */
public final class QuoteStripper {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** "On ... wrote:" and its translations, possibly wrapped over up to three lines. */
  private static final Pattern QUOTE_HEADER =
      Pattern.compile(
          "^.{0,300}?\\b"
              + "(?:wrote|escreveu|escribió|escribio|написал\\(а\\)|написала|написал|пишет"
              + "|schrieb|a écrit|a ecrit|schreef|ha scritto)"
              + "(?:\\s[^:]{0,120})?\\s*:\\s*$",
          FLAGS);

  /** How a wrapped quote header starts: "On", "Em", "El", "Am", "Le" ... */
  private static final Pattern HEADER_START =
      Pattern.compile("^(?:on|em|el|am|le|op|il)\\s.*", FLAGS);

  /** Gmail in Russian, Yandex, Mail.ru: a dated line ending in the author's address and ":". */
  private static final Pattern DATED_ADDRESS_HEADER =
      Pattern.compile("^.{0,200}\\d{4}.{0,120}<[^>\\s]+@[^>\\s]+>\\s*:\\s*$");

  private static final Pattern MARKER =
      Pattern.compile(
          "^\\s*[-_=*]{2,}\\s*(?:original message|mensagem original|mensaje original"
              + "|исходное сообщение|ursprüngliche nachricht|message d'origine|message original"
              + "|forwarded message|mensagem encaminhada|mensaje reenviado|пересылаемое сообщение"
              + "|переслано|weitergeleitete nachricht|message transféré|message transfere)"
              + ".*$|^\\s*(?:begin forwarded message|início da mensagem encaminhada"
              + "|inicio del mensaje reenviado|anfang der weitergeleiteten nachricht"
              + "|début du message réexpédié)\\s*:\\s*$",
          FLAGS);

  private static final Pattern OUTLOOK_FROM =
      Pattern.compile("^\\s*\\*?(?:from|de|von|от|da|van)\\s*:\\*?\\s*\\S.*$", FLAGS);
  private static final Pattern OUTLOOK_SENT =
      Pattern.compile(
          "^\\s*\\*?(?:sent|date|enviado el|enviada el|enviado|enviada|fecha|data|gesendet|datum|отправлено|дата"
              + "|envoyé|envoye|inviato|verzonden)\\s*:.*$",
          FLAGS);

  private static final Pattern SIGNATURE =
      Pattern.compile(
          "^(?:-- ?|__+|sent from my .{1,40}|get outlook for .{1,20}|enviado do meu .{1,40}"
              + "|enviado desde mi .{1,40}|enviado de mi .{1,40}|von meinem .{1,40} gesendet"
              + "|envoyé de mon .{1,40}|envoye de mon .{1,40}|отправлено с .{1,40}"
              + "|sent from yahoo mail.*|sent from mail for windows.*)\\s*$",
          FLAGS);

  private QuoteStripper() {}

  /** The reply's own text. */
  public static String newText(String text) {
    String[] lines = text.split("\n", -1);
    int end = cutIndex(lines);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      if (!lines[i].stripLeading().startsWith(">")) {
        kept.add(lines[i].stripTrailing());
      }
    }
    return String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
  }

  private static int cutIndex(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith(">")) {
        continue;
      }
      if (SIGNATURE.matcher(line).matches()
          || MARKER.matcher(line).matches()
          || DATED_ADDRESS_HEADER.matcher(line).matches()
          || isQuoteHeader(lines, i)
          || isOutlookBlock(lines, i)) {
        return i;
      }
    }
    return lines.length;
  }

  private static boolean isQuoteHeader(String[] lines, int start) {
    if (QUOTE_HEADER.matcher(lines[start].strip()).matches()) {
      return true;
    }
    if (!HEADER_START.matcher(lines[start].strip()).matches()) {
      return false;
    }
    StringBuilder joined = new StringBuilder();
    for (int i = start; i < Math.min(lines.length, start + 3); i++) {
      joined.append(i == start ? "" : " ").append(lines[i].strip());
      if (QUOTE_HEADER.matcher(joined).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOutlookBlock(String[] lines, int start) {
    if (!OUTLOOK_FROM.matcher(lines[start]).matches()) {
      return false;
    }
    for (int i = start + 1; i < Math.min(lines.length, start + 6); i++) {
      if (OUTLOOK_SENT.matcher(lines[i]).matches()) {
        return true;
      }
    }
    return false;
  }
}
