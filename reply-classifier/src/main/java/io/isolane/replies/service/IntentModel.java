package io.isolane.replies.service;

import io.isolane.contracts.events.ReplyCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * The intent model: an Apache OpenNLP maximum-entropy document categorizer over words, word pairs
 * and character n-grams ({@link IntentFeatures}), trained at build time from the shipped corpus
 * (classpath {@code /model/intents.bin}). It speaks only when no rule did, and only on text it
 * knows.
 */
public final class IntentModel {
  static final String RESOURCE = "/model/intents.bin";

  /** The words seen in training, one per line, next to the model. */
  public static final String VOCABULARY_FILE = "intents.vocabulary.txt";

  /** Least share of a text's words the model must know before it may speak. */
  static final double MIN_KNOWN_SHARE = 0.5;

  private static final IntentModel SHARED = load();

  private final Set<String> vocabulary;
  // the categorizer keeps per-call buffers: one per thread
  private final ThreadLocal<DocumentCategorizerME> categorizer;
  private final long loadMillis;

  /** A prediction. */
  public record Prediction(ReplyCategory category, double probability) {}

  private IntentModel(DoccatModel model, Set<String> vocabulary, long loadMillis) {
    this.vocabulary = vocabulary;
    this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    this.loadMillis = loadMillis;
  }

  /** A model in memory (cross-validation trains these). */
  public static IntentModel of(DoccatModel model, Set<String> vocabulary) {
    return new IntentModel(model, vocabulary, 0);
  }

  /** The model on the classpath, loaded once; null when the build did not produce one. */
  public static IntentModel shared() {
    return SHARED;
  }

  /** How long loading took. */
  public long loadMillis() {
    return loadMillis;
  }

  /** The most probable category of the text. */
  public Prediction predict(String text) {
    DocumentCategorizerME me = categorizer.get();
    double[] outcomes = me.categorize(IntentFeatures.of(text));
    String best = me.getBestCategory(outcomes);
    double probability = outcomes[me.getIndex(best)];
    return new Prediction(ReplyCategory.valueOf(best.toUpperCase(Locale.ROOT)), probability);
  }

  /**
   * A prediction for text the model knows enough of (at least one known word, and half of them);
   * empty for anything else (another language, noise, a bare signature).
   */
  public Optional<Prediction> predictKnown(String text) {
    String[] words = IntentFeatures.words(text);
    long known = Arrays.stream(words).filter(vocabulary::contains).count();
    return known >= 1 && known >= words.length * MIN_KNOWN_SHARE
        ? Optional.of(predict(text))
        : Optional.empty();
  }

  private static IntentModel load() {
    long start = System.nanoTime();
    try (InputStream in = IntentModel.class.getResourceAsStream(RESOURCE);
        InputStream words = IntentModel.class.getResourceAsStream("/model/" + VOCABULARY_FILE)) {
      if (in == null || words == null) {
        return null;
      }
      DoccatModel model = new DoccatModel(in);
      Set<String> vocabulary =
          Set.of(new String(words.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
      return new IntentModel(model, vocabulary, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable intent model " + RESOURCE, e);
    }
  }

  /** A prediction if there is a model and it knows enough of the text. */
  static Optional<Prediction> predictShared(String text) {
    return Optional.ofNullable(SHARED).flatMap(m -> m.predictKnown(text));
  }
}
