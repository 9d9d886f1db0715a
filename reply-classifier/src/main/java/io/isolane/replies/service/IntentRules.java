package io.isolane.replies.service;

import io.isolane.contracts.events.ReplyCategory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person's own words ask for, from phrases in English, Portuguese, Spanish, Russian, German
 * and French: unsubscribe, a referral to someone else, not interested, interested. Phrase rules,
 * not a trained model: they catch the explicit forms and leave the rest as {@code other}.
 */
public final class IntentRules {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  static final Pattern UNSUBSCRIBE =
      Pattern.compile(
          "unsubscribe|remove me|take me off|stop (?:e-?mailing|sending|contacting) me"
              + "|opt(?:ing)? out|do not (?:e-?mail|contact) me|don't (?:e-?mail|contact) me"
              + "|descadastr|remova meu|me remova|me tire d|não quero (?:mais )?receber"
              + "|darme de baja|dar de baja|date de baja|elimíname|eliminadme|borrarme"
              + "|no (?:quiero|deseo) recibir|отпишите|отписаться|удалите меня|уберите меня"
              + "|не присылайте|не пишите мне|abmelden|austragen|abbestellen|entfernen sie mich"
              + "|melden sie mich .{0,40}\\bab\\b|tragen sie mich .{0,40}\\baus\\b"
              + "|keine (?:weiteren )?(?:e-?mails|nachrichten)|désinscri|desinscri|désabonne"
              + "|desabonne|retirez-moi|ne plus recevoir|supprimez-moi",
          FLAGS);

  static final Pattern REFERRAL =
      Pattern.compile(
          "(?:please )?(?:contact|reach out to|get in touch with|talk to|speak (?:to|with)|write to"
              + "|email|forward(?:ed)? (?:this|it|your (?:email|message)) to|the right person"
              + "|right contact|no longer (?:with|works|at)|left the company|responsible for"
              + "|entre em contato com|fale com|falar com|contate|responsável"
              + "|não trabalha mais|póngase en contacto con|contacte (?:a|con)|hable con"
              + "|escriba a|responsable|ya no trabaja|свяжитесь с|обращайтесь к|обратитесь к"
              + "|напишите|не работает|wenden sie sich an|kontaktieren sie|zuständig"
              + "|nicht mehr (?:bei|im unternehmen)|contactez|adressez-vous à|écrivez à"
              + "|ne fait plus partie|ne travaille plus)",
          FLAGS);

  static final Pattern NOT_INTERESTED =
      Pattern.compile(
          "not interested|no interest|no thanks|no, thanks|not a (?:good )?fit|not for us"
              + "|we(?:'re| are) all set|not at this time|não (?:tenho|temos) interesse"
              + "|sem interesse|não estamos interessados|no (?:estoy|estamos) interesad"
              + "|no me interesa|no nos interesa|no, gracias|не интересно|не интересует"
              + "|нам это не нужно|нет, спасибо|kein interesse|nicht interessiert|nein danke"
              + "|pas intéressée?|pas interessee?|ne m'intéresse pas|ne nous intéresse pas"
              + "|non merci",
          FLAGS);

  static final Pattern INTERESTED =
      Pattern.compile(
          "(?:i am|i'm|we are|we're|very|definitely) interested|tell me more"
              + "|send (?:me |us )?more (?:info|information|details)|let's (?:talk|chat|schedule|set up)"
              + "|book a (?:call|meeting|demo)|schedule a (?:call|meeting|demo)|tenho interesse"
              + "|temos interesse|estou interessad|me interesa|estoy interesad|nos interesa"
              + "|мне интересно|нам интересно|интересует|давайте созвонимся|habe interesse"
              + "|haben interesse|bin interessiert|sind interessiert|je suis intéressée?"
              + "|nous sommes intéressés|ça m'intéresse|ca m'interesse",
          FLAGS);

  /** A rule that matched, and the phrase that made it. */
  public record Match(ReplyCategory category, double confidence, String phrase, String referral) {}

  private IntentRules() {}

  /** An unsubscribe request in the text. */
  public static Optional<Match> unsubscribe(String text) {
    return match(UNSUBSCRIBE, text, ReplyCategory.UNSUBSCRIBE, 0.9);
  }

  /**
   * A pointer to another person: a referral phrase and an address other than the author's own.
   *
   * @param own addresses that are not a referral (the author, the tenant mailbox)
   */
  public static Optional<Match> referral(String text, List<String> own) {
    Matcher phrase = REFERRAL.matcher(text);
    if (!phrase.find()) {
      return Optional.empty();
    }
    return Addresses.in(text).stream()
        .filter(a -> !own.contains(a))
        .findFirst()
        .map(a -> new Match(ReplyCategory.REFERRAL, 0.8, phrase(phrase), a));
  }

  /** Interest or its absence; "not interested" is checked first, since it contains the other. */
  public static Optional<Match> interest(String text) {
    return match(NOT_INTERESTED, text, ReplyCategory.NOT_INTERESTED, 0.75)
        .or(() -> match(INTERESTED, text, ReplyCategory.INTERESTED, 0.7));
  }

  private static Optional<Match> match(
      Pattern pattern, String text, ReplyCategory category, double confidence) {
    Matcher m = pattern.matcher(text);
    return m.find()
        ? Optional.of(new Match(category, confidence, phrase(m), null))
        : Optional.empty();
  }

  private static String phrase(Matcher m) {
    return m.group().toLowerCase(Locale.ROOT);
  }
}
