package io.isolane.replies.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the intent model sees of a text: normalised words, word pairs and character n-grams.
 * Normalising (lower case, accents dropped, addresses, links and numbers replaced by a placeholder)
 * lets "nao" count as "não" and any address as evidence of a referral; character n-grams let a typo
 * or an inflection ("interessados", "interessadas") share most features with the word seen in
 * training, which matters with a few hundred examples per language.
 */
public final class IntentFeatures {
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}_]+");
  private static final int MIN_GRAM = 3;
  private static final int MAX_GRAM = 4;

  private IntentFeatures() {}

  /** Normalised words of the text, in order. */
  public static String[] words(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    s = EMAIL.matcher(s).replaceAll(" _email_ ");
    s = URL.matcher(s).replaceAll(" _url_ ");
    s = NUMBER.matcher(s).replaceAll(" _num_ ");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return Arrays.stream(SPLIT.split(s)).filter(w -> !w.isEmpty()).toArray(String[]::new);
  }

  /** The model's input: words, "w2:" word pairs and "c:" character n-grams of each word. */
  public static String[] of(String text) {
    String[] words = words(text);
    List<String> out = new ArrayList<>(Arrays.asList(words));
    for (int i = 1; i < words.length; i++) {
      out.add("w2:" + words[i - 1] + "_" + words[i]);
    }
    for (String word : words) {
      if (word.startsWith("_")) {
        continue; // a placeholder has no letters worth splitting
      }
      String padded = "<" + word + ">";
      for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          out.add("c:" + padded.substring(i, i + n));
        }
      }
    }
    return out.toArray(String[]::new);
  }
}
