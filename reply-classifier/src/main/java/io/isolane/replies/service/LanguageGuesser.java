package io.isolane.replies.service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a short text: the script first (Cyrillic, kana, Han, Hangul), then, for
 * Latin text, which of English, Portuguese, Spanish, German and French has the most of its common
 * words in it. A heuristic, not a trained detector: it answers null rather than guess on too little
 * evidence.
 */
public final class LanguageGuesser {
  private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put(
        "en",
        words(
            "the and you your is are to of for we with this that have not be on it please thanks"
                + " thank will me my our at from would i'm am but no us off list back out office"
                + " interested more call contact who he she they can could"));
    WORDS.put(
        "pt",
        words(
            "o os um uma não você vocês obrigado obrigada com para por que do da dos das em no na"
                + " estou meu minha seu sua até é são mais favor também então mas momento temos"
                + " tenho sou pessoa certa lista volta escritório podemos amanhã"));
    WORDS.put(
        "es",
        words(
            "el los las un una usted ustedes gracias con para por que del en estoy mi mis su"
                + " hasta es son más favor también entonces y muy pero nos interesa oficina"
                + " quiero esta este regreso podemos hablar"));
    WORDS.put(
        "de",
        words(
            "der die das und ich sie nicht ist sind mit für bitte danke vielen ein eine zu auf"
                + " bin mein meine ihr ihre wir uns bis im am von aber kein keine haben dem den"
                + " aus wieder erreichbar gerne sehr"));
    WORDS.put(
        "fr",
        words(
            "le la les et je vous nous pas est sont avec pour merci un une du des au aux mon"
                + " ma mes votre jusqu suis ne plus ce cette mais non liste retour bureau cela"
                + " pouvons parler"));
  }

  /** Letters that only some of the Latin-script languages use. */
  private static final Map<String, String> LETTERS =
      Map.of("pt", "ãõ", "es", "ñ¿¡", "de", "äöüß", "fr", "èêùœëî");

  private LanguageGuesser() {}

  /** ISO 639-1 code, or null when the text says too little. */
  public static String guess(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String script = byScript(text);
    if (script != null) {
      return script;
    }
    Map<String, Integer> hits = new LinkedHashMap<>();
    for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
      WORDS.forEach((lang, words) -> hits.merge(lang, words.contains(token) ? 1 : 0, Integer::sum));
    }
    String lower = text.toLowerCase(Locale.ROOT);
    LETTERS.forEach((lang, letters) -> hits.merge(lang, count(lower, letters), Integer::sum));
    String best = null;
    int bestHits = 0;
    int second = 0;
    for (Map.Entry<String, Integer> entry : hits.entrySet()) {
      if (entry.getValue() > bestHits) {
        second = bestHits;
        bestHits = entry.getValue();
        best = entry.getKey();
      } else if (entry.getValue() > second) {
        second = entry.getValue();
      }
    }
    return bestHits >= 2 && bestHits > second ? best : null;
  }

  private static int count(String text, String letters) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += letters.indexOf(text.charAt(i)) >= 0 ? 1 : 0;
    }
    return n;
  }

  private static String byScript(String text) {
    int cyrillic = 0;
    int kana = 0;
    int han = 0;
    int hangul = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
      switch (script) {
        case CYRILLIC -> cyrillic++;
        case HIRAGANA, KATAKANA -> kana++;
        case HAN -> han++;
        case HANGUL -> hangul++;
        case LATIN -> latin++;
        default -> {
          // digits, punctuation, spaces
        }
      }
    }
    if (kana > 0 && kana + han > latin) {
      return "ja";
    }
    if (han > latin) {
      return "zh";
    }
    if (hangul > latin) {
      return "ko";
    }
    return cyrillic > latin ? "ru" : null;
  }

  private static Set<String> words(String list) {
    return Set.of(list.split(" "));
  }
}
