package io.isolane.replies.service;

import io.isolane.replies.BounceReason;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names the reason of a bounce from the remote server's words first (they are more specific than
 * status codes, which servers often get wrong), then from the DSN status code (RFC 3463).
 */
public final class BounceReasons {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Checked in order: the first match wins (block lists before the word "spam", ...). */
  private static final Map<BounceReason, Pattern> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put(
        BounceReason.MAILBOX_FULL,
        Pattern.compile(
            "mailbox (?:is )?full|quota|over ?limit|insufficient (?:system )?storage"
                + "|exceeded (?:its |the )?storage|mailbox size limit|full mailbox"
                + "|caixa (?:postal )?(?:está )?cheia|buzón (?:está )?lleno|ящик переполнен"
                + "|postfach (?:ist )?voll|boîte (?:aux lettres )?(?:est )?pleine",
            FLAGS));
    WORDS.put(
        BounceReason.MAILBOX_DISABLED,
        Pattern.compile(
            "account (?:has been |is )?(?:disabled|deactivated|suspended|inactive|locked)"
                + "|mailbox (?:is )?(?:disabled|inactive|deactivated)|user (?:is )?inactive",
            FLAGS));
    WORDS.put(
        BounceReason.HOST_UNKNOWN,
        Pattern.compile(
            "host (?:or domain name )?not found|domain (?:name )?not found|no such domain"
                + "|domain (?:does not|doesn't) exist|unrouteable|unroutable|name service error"
                + "|dns error|no mx|nxdomain|host unknown|unknown host|domain .{0,40}couldn't be found"
                + "|domain .{0,40}could not be found",
            FLAGS));
    WORDS.put(
        BounceReason.USER_UNKNOWN,
        Pattern.compile(
            "user unknown|unknown user|no such user|user not found|no such (?:mailbox|recipient)"
                + "|recipient ?not ?found|unknown recipient|invalid (?:recipient|mailbox|address)"
                + "|(?:does not|doesn't|not) exist|mailbox (?:unavailable|not found)|no mailbox"
                + "|not listed in|address rejected|couldn't be found|could not be found"
                + "|doesn't have a .{1,40} account|account .{0,40}does not exist"
                + "|recipient address rejected|bad destination mailbox|no existe|não existe"
                + "|не существует|existiert nicht|n'existe pas|unbekannt|inconnu|desconhecido"
                + "|desconocido",
            FLAGS));
    WORDS.put(
        BounceReason.BLOCKED,
        Pattern.compile(
            "spamhaus|barracuda|spamcop|block ?list|black ?list|blocked|rbl|reputation"
                + "|listed (?:at|on|in)|client host rejected|access denied|denied by",
            FLAGS));
    WORDS.put(
        BounceReason.SPAM_DETECTED,
        Pattern.compile("spam|junk|bulk mail|content rejected|message content", FLAGS));
    WORDS.put(
        BounceReason.POLICY_VIOLATION,
        Pattern.compile(
            "policy|dmarc|\\bspf\\b|dkim|not authori[sz]ed|relay(?:ing)? (?:denied|not permitted)"
                + "|authentication required|not permitted",
            FLAGS));
    WORDS.put(
        BounceReason.MESSAGE_TOO_BIG,
        Pattern.compile("too (?:large|big)|size (?:limit|exceeds)|message size", FLAGS));
    WORDS.put(
        BounceReason.EXPIRED,
        Pattern.compile(
            "expired|retry (?:time|timeout)|giving up|could not be delivered within|timed? ?out"
                + "|too long in (?:the )?queue|delivery time",
            FLAGS));
  }

  private BounceReasons() {}

  /**
   * The reason of a bounce: the diagnostic's words, else the status code, else the words around it,
   * else {@link BounceReason#UNKNOWN}.
   */
  public static BounceReason of(String status, String diagnostic, String context) {
    BounceReason reason = ofWords(diagnostic);
    if (reason == BounceReason.UNKNOWN && status != null) {
      reason = ofStatus(status);
    }
    return reason == BounceReason.UNKNOWN ? ofWords(context) : reason;
  }

  private static BounceReason ofWords(String words) {
    if (words != null) {
      for (Map.Entry<BounceReason, Pattern> entry : WORDS.entrySet()) {
        if (entry.getValue().matcher(words).find()) {
          return entry.getKey();
        }
      }
    }
    return BounceReason.UNKNOWN;
  }

  /** The reason an RFC 3463 status code stands for. */
  static BounceReason ofStatus(String status) {
    String detail = status.length() > 2 ? status.substring(2).toLowerCase(Locale.ROOT) : "";
    return switch (detail) {
      case "1.1", "1.0", "1.3", "1.6", "1.10" -> BounceReason.USER_UNKNOWN;
      case "1.2", "4.4" -> BounceReason.HOST_UNKNOWN;
      case "2.1" -> BounceReason.MAILBOX_DISABLED;
      case "2.2" -> BounceReason.MAILBOX_FULL;
      case "2.3", "3.4" -> BounceReason.MESSAGE_TOO_BIG;
      case "4.7" -> BounceReason.EXPIRED;
      case "7.1" -> BounceReason.BLOCKED;
      case "7.0", "7.26", "7.23", "7.25", "7.27", "7.20", "7.9" -> BounceReason.POLICY_VIOLATION;
      default -> BounceReason.UNKNOWN;
    };
  }
}
