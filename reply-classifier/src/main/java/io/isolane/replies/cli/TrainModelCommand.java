package io.isolane.replies.cli;

import io.isolane.replies.service.IntentCorpus;
import io.isolane.replies.service.IntentModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the intent model from the training part of the corpus (the build runs it in {@code
 * process-classes}): {@code TrainModelCommand <corpus.tsv> <model.bin>}.
 */
public final class TrainModelCommand {
  private TrainModelCommand() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<DocumentSample> samples =
        IntentCorpus.read(corpus).stream()
            .filter(e -> !e.heldOut())
            .map(e -> new DocumentSample(e.label(), IntentCorpus.tokens(e.text())))
            .toList();
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    params.put(TrainingParameters.ITERATIONS_PARAM, 300);
    FeatureGenerator[] features = {
      new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)
    };
    DoccatModel model =
        DocumentCategorizerME.train(
            "x-multi",
            ObjectStreamUtils.createObjectStream(samples),
            params,
            new DoccatFactory(features));
    Files.createDirectories(out.getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      model.serialize(os);
    }
    // the words the model has seen: it stays silent on text made mostly of others
    Set<String> vocabulary = new TreeSet<>();
    samples.forEach(s -> vocabulary.addAll(Arrays.asList(s.getText())));
    vocabulary.remove("");
    Files.write(
        out.resolveSibling(IntentModel.VOCABULARY_FILE), vocabulary, StandardCharsets.UTF_8);
    System.out.printf("intent model: %d training examples -> %s%n", samples.size(), out);
  }
}
