package io.isolane.replies.service;

import io.isolane.replies.ParsedMail;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the free-text bounce formats MTAs send instead of (or besides) RFC 3464 reports: who
 * sent it, what the subject says, what the body says, and where the returned copy starts.
 */
final class BounceText {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** An RFC 3463 enhanced status code. */
  static final Pattern STATUS = Pattern.compile("(?<![\\d.])[245]\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])");

  /** A basic SMTP reply code, as in "550 ..." or Yahoo's "554: ...". */
  static final Pattern SMTP_CODE = Pattern.compile("(?<![\\d.#])([45][0-5]\\d)(?=[\\s:-])");

  static final Pattern DAEMON =
      Pattern.compile(
          "mailer-daemon|postmaster|mail-daemon|mail delivery (?:subsystem|system|service)"
              + "|mail administrator|microsoft outlook|mail system|maildelivery|mdaemon",
          FLAGS);

  static final Pattern SUBJECT =
      Pattern.compile(
          "undeliver|undelivered|delivery status notification|delivery (?:failure|failed|problem)"
              + "|failure notice|returned mail|mail delivery failed|could not be delivered"
              + "|not delivered|returned to sender|delivery has failed|delivery notification"
              + "|mail system error|non remis|non délivré|unzustellbar|nicht zustellbar"
              + "|não entregue|não é possível entregar|no se puede entregar|no entregado"
              + "|недоставлен|не доставлен|не удалось доставить|delayed mail|delivery delayed",
          FLAGS);

  static final Pattern BODY =
      Pattern.compile(
          "could ?n[o']t be delivered|wasn't delivered|was not delivered|delivery has failed"
              + "|permanent fatal errors|qmail-send program|this is the mail system at host"
              + "|delivery to the following recipients? failed|unable to deliver|could not deliver"
              + "|failed permanently|undeliverable|following addresses? failed|delivery failed"
              + "|did not reach|cannot be reached|PERMANENT fatal delivery|not be delivered"
              + "|delivery status notification|has not yet been delivered|delivery is delayed"
              + "|não foi possível entregar|no se pudo entregar|не может быть доставлено"
              + "|не было доставлено|konnte nicht zugestellt werden|n'a pas pu être remis"
              + "|n'a pas pu être distribué|delivery to these recipients",
          FLAGS);

  static final Pattern TEMPORARY =
      Pattern.compile(
          "temporar|delayed|will (?:retry|continue trying|try again)|still trying"
              + "|has not yet been delivered|not yet been delivered",
          FLAGS);

  /** Where a returned copy of the original message, or its headers, begins. */
  private static final Pattern RETURNED =
      Pattern.compile(
          "^(?:-{2,}.*(?:copy of the message|below this line|original message|returned message"
              + "|original-message|headers? of|message headers|forwarded message).*"
              + "|(?:received|return-path|message-id|dkim-signature|reporting-mta|arrival-date"
              + "|original-recipient|final-recipient|x-[a-z0-9-]+):\\s.*)$",
          FLAGS);

  /** How much of the body the failure explanation is looked for in. */
  private static final int HEAD = 4000;

  private BounceText() {}

  /** The text before the returned copy: the part a person is meant to read. */
  static String failureSection(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      if (RETURNED.matcher(line.strip()).matches()) {
        break;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  static boolean fromDaemon(ParsedMail mail) {
    String from = mail.header("from");
    return from != null && DAEMON.matcher(from).find()
        || mail.header("return-path") != null && mail.header("return-path").matches("<?>?");
  }

  /** True when the start of the body, where MTAs explain the failure, says delivery failed. */
  static boolean bodySays(String text) {
    return BODY.matcher(text.length() > HEAD ? text.substring(0, HEAD) : text).find();
  }

  static boolean subjectSays(ParsedMail mail) {
    return mail.subject() != null && SUBJECT.matcher(mail.subject()).find();
  }

  /** The first enhanced status code, else one derived from a basic SMTP code, else null. */
  static String status(String text) {
    Matcher status = STATUS.matcher(text);
    if (status.find()) {
      return status.group();
    }
    Matcher code = SMTP_CODE.matcher(text);
    return code.find() ? code.group(1).charAt(0) + ".0.0" : null;
  }

  /** The line that carries the status or SMTP code, shortened; null when none does. */
  static String diagnostic(String text) {
    for (String line : text.split("\n")) {
      if (STATUS.matcher(line).find() || SMTP_CODE.matcher(line).find()) {
        String words = line.strip();
        return words.length() > 200 ? words.substring(0, 200) : words;
      }
    }
    return null;
  }

  /** Addresses the failure text names, minus ones that cannot be the failed recipient. */
  static List<String> recipients(String section, List<String> excluded) {
    return Addresses.in(section).stream()
        .filter(a -> !excluded.contains(a))
        .filter(a -> !DAEMON.matcher(a.substring(0, a.indexOf('@'))).find())
        .map(a -> a.toLowerCase(Locale.ROOT))
        .toList();
  }
}
