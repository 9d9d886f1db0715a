package io.isolane.replies.service;

import static com.github.pemistahl.lingua.api.Language.CHINESE;
import static com.github.pemistahl.lingua.api.Language.CZECH;
import static com.github.pemistahl.lingua.api.Language.DUTCH;
import static com.github.pemistahl.lingua.api.Language.ENGLISH;
import static com.github.pemistahl.lingua.api.Language.FRENCH;
import static com.github.pemistahl.lingua.api.Language.GERMAN;
import static com.github.pemistahl.lingua.api.Language.ITALIAN;
import static com.github.pemistahl.lingua.api.Language.JAPANESE;
import static com.github.pemistahl.lingua.api.Language.KOREAN;
import static com.github.pemistahl.lingua.api.Language.POLISH;
import static com.github.pemistahl.lingua.api.Language.PORTUGUESE;
import static com.github.pemistahl.lingua.api.Language.RUSSIAN;
import static com.github.pemistahl.lingua.api.Language.SPANISH;
import static com.github.pemistahl.lingua.api.Language.UKRAINIAN;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language of a reply, by Lingua (its n-gram models ship inside its jar: nothing is fetched at
 * run time). Restricted to the languages replies arrive in: the six of the intent rules, the
 * languages of the charsets the parser reads (Polish and Czech, Ukrainian, Japanese, Chinese,
 * Korean), Italian and Dutch; every extra candidate costs time and some accuracy on short text.
 *
 * <p>Two stages, because Lingua's low-accuracy mode (trigrams only, 30 MB) is weak on short text
 * and its high-accuracy mode for every language would hold some 300 MB: all languages in low
 * accuracy first; a text under {@value #SHORT} characters that came out in a Latin-script language
 * is decided again by a high-accuracy detector over the Latin-script languages only (150 MB). On
 * the corpus's 1,008 replies: 952 right with the first stage alone, 981 with both (README).
 */
public final class LanguageGuesser {
  /** The languages told apart. */
  public static final List<Language> LANGUAGES =
      List.of(
          ENGLISH,
          PORTUGUESE,
          SPANISH,
          RUSSIAN,
          GERMAN,
          FRENCH,
          ITALIAN,
          DUTCH,
          POLISH,
          CZECH,
          UKRAINIAN,
          JAPANESE,
          CHINESE,
          KOREAN);

  /** The languages low accuracy confuses on short text: the second stage's candidates. */
  static final Set<Language> LATIN =
      Set.of(ENGLISH, PORTUGUESE, SPANISH, GERMAN, FRENCH, ITALIAN, DUTCH);

  /** Below this length Lingua's low-accuracy mode is unreliable (its documentation says 120). */
  static final int SHORT = 120;

  // the language shows in the first sentences; scoring the whole text costs time, not accuracy
  static final int MAX_CHARS = 400;

  private static final long LOAD_START = System.nanoTime();
  private static final LanguageDetector ALL =
      LanguageDetectorBuilder.fromLanguages(LANGUAGES.toArray(Language[]::new))
          .withPreloadedLanguageModels()
          .withLowAccuracyMode()
          .build();
  private static final LanguageDetector SHORT_LATIN =
      LanguageDetectorBuilder.fromLanguages(LATIN.toArray(Language[]::new))
          .withPreloadedLanguageModels()
          .build();
  private static final long LOAD_MILLIS = (System.nanoTime() - LOAD_START) / 1_000_000;

  private LanguageGuesser() {}

  /** ISO 639-1 code, or null when the text has no letters or no language stands out. */
  public static String guess(String text) {
    if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
      return null;
    }
    String sample = text.strip();
    sample = sample.length() > MAX_CHARS ? sample.substring(0, MAX_CHARS) : sample;
    Language language = ALL.detectLanguageOf(sample);
    if (sample.length() < SHORT && LATIN.contains(language)) {
      language = SHORT_LATIN.detectLanguageOf(sample);
    }
    return language == Language.UNKNOWN
        ? null
        : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  /** How long loading the language models took (they load with this class). */
  public static long loadMillis() {
    return LOAD_MILLIS;
  }
}
