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
 * The labelled reply corpus ({@code src/corpus/replies.tsv}: language, label, text, with {@code \n}
 * for a line break). Every fourth example of each language and label, counted in file order, is
 * held out for evaluation and never trained on.
 */
public final class IntentCorpus {
  private static final int HOLD_OUT_EVERY = 4;

  /** One labelled reply. */
  public record Example(String language, String label, String text, boolean heldOut) {
    /** The words the classifier would see: quotes and signature removed, as in production. */
    public String newText() {
      return QuoteStripper.newText(text);
    }
  }

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
      String text = columns[2].replace("\\n", "\n");
      out.add(new Example(columns[0], columns[1], text, index % HOLD_OUT_EVERY == 0));
    }
    return out;
  }

  /** The training part. */
  public static List<Example> training(List<Example> corpus) {
    return corpus.stream().filter(e -> !e.heldOut()).toList();
  }

  /** The held-out part. */
  public static List<Example> heldOut(List<Example> corpus) {
    return corpus.stream().filter(Example::heldOut).toList();
  }
}
