package io.isolane.replies.cli;

import io.isolane.replies.service.IntentCorpus;
import io.isolane.replies.service.IntentModel;
import io.isolane.replies.service.IntentTrainer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;

/**
 * Trains the intent model from the training part of the corpus (the build runs it in {@code
 * process-classes}): {@code TrainModelCommand <corpus.tsv> <model.bin>}.
 */
public final class TrainModelCommand {
  private TrainModelCommand() {}

  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    Path out = Path.of(args[1]);
    List<IntentCorpus.Example> training =
        IntentCorpus.training(IntentCorpus.read(Path.of(args[0])));
    DoccatModel model = IntentTrainer.train(training);
    Files.createDirectories(out.getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      model.serialize(os);
    }
    Files.write(
        out.resolveSibling(IntentModel.VOCABULARY_FILE),
        IntentTrainer.vocabulary(training),
        StandardCharsets.UTF_8);
    System.out.printf(
        "intent model: %d training examples -> %s in %d ms%n",
        training.size(), out, (System.nanoTime() - start) / 1_000_000);
  }
}
