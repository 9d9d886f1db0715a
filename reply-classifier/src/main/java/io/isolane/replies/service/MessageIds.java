package io.isolane.replies.service;

import io.isolane.replies.ParsedMail;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message ids a reply points back to, and the SES message ids among them. */
public final class MessageIds {
  private static final Pattern ID = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
  private static final int MAX = 50;

  private MessageIds() {}

  /** In-Reply-To first, then References newest first, then a returned message's Message-ID. */
  static List<String> referencedBy(ParsedMail mail) {
    Set<String> ids = new LinkedHashSet<>(idsIn(mail.header("in-reply-to")));
    List<String> references = idsIn(mail.header("references"));
    for (int i = references.size() - 1; i >= 0; i--) {
      ids.add(references.get(i));
    }
    List<String> returned = mail.returnedHeaders().get("message-id");
    if (returned != null) {
      returned.forEach(r -> ids.addAll(idsIn(r)));
    }
    return ids.stream().limit(MAX).toList();
  }

  /**
   * The SES message id a Message-ID carries: SES sends {@code <id@email.amazonses.com>} (or a
   * regional {@code <id@eu-west-1.amazonses.com>}).
   */
  public static Optional<String> sesMessageId(String messageId) {
    int at = messageId.lastIndexOf('@');
    if (at <= 0 || !messageId.toLowerCase(Locale.ROOT).endsWith("amazonses.com")) {
      return Optional.empty();
    }
    return Optional.of(messageId.substring(0, at));
  }

  private static List<String> idsIn(String header) {
    List<String> ids = new ArrayList<>();
    if (header != null) {
      Matcher m = ID.matcher(header);
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }
}
