package io.isolane.replies.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled reply corpus ({@code src/corpus/replies.tsv}: language, label, text). Every fourth
 * example of each language and label is held out for evaluation and never trained on.
 */
public final class IntentCorpus {
  private static final int HOLD_OUT_EVERY = 4;

  /** One labelled reply. */
  public record Example(String language, String label, String text, boolean heldOut) {}

  private IntentCorpus() {}

  /** All examples of a corpus file, in file order. */
  public static List<Example> read(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", 3);
      if (columns.length != 3) {
        throw new IOException("not language<TAB>label<TAB>text: " + line);
      }
      int index = seen.merge(columns[0] + "/" + columns[1], 1, Integer::sum);
      out.add(new Example(columns[0], columns[1], columns[2], index % HOLD_OUT_EVERY == 0));
    }
    return out;
  }

  /** Lower-case word tokens, the model's only input. */
  public static String[] tokens(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+");
  }
}
