package io.isolane.replies.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the intent model: OpenNLP's maximum-entropy document categorizer over {@link
 * IntentFeatures} of each example's new text. GIS training is deterministic: the same corpus gives
 * the same model.
 */
public final class IntentTrainer {
  // a feature seen once is kept: with ~750 examples most useful words are rare
  static final int CUTOFF = 1;
  static final int ITERATIONS = 200;

  private IntentTrainer() {}

  /** The normalised words of the examples: the model stays silent on text made mostly of others. */
  public static Set<String> vocabulary(List<IntentCorpus.Example> examples) {
    Set<String> words = new TreeSet<>();
    examples.forEach(e -> words.addAll(Arrays.asList(IntentFeatures.words(e.newText()))));
    return words;
  }

  /** A model trained on the given examples (the caller chooses which: never the held-out part). */
  public static DoccatModel train(List<IntentCorpus.Example> examples) {
    List<DocumentSample> samples =
        examples.stream()
            .map(e -> new DocumentSample(e.label(), IntentFeatures.of(e.newText())))
            .toList();
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
    // features arrive precomputed as "tokens": one bag-of-words generator turns each into a feature
    FeatureGenerator[] generators = {new BagOfWordsFeatureGenerator()};
    try {
      return DocumentCategorizerME.train(
          "x-multi",
          ObjectStreamUtils.createObjectStream(samples),
          params,
          new DoccatFactory(generators));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
