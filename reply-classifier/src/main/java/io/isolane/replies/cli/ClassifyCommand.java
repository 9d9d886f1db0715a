package io.isolane.replies.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.replies.ClassificationJson;
import io.isolane.replies.service.ReplyClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Classifies {@code .eml} files named as arguments (or one message on stdin, also as {@code -}) and
 * prints one JSON object per message per line. Needs no Kafka, database or Quarkus: {@code java
 * -jar target/reply-classifier-cli.jar mail/*.eml}. Exit status 1 if any file failed.
 */
public final class ClassifyCommand {
  /** Largest message read, as in the service's default. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private final ReplyClassifier classifier = new ReplyClassifier(MAX_BYTES);
  private final ObjectMapper json = new ObjectMapper();
  private final PrintStream out;

  ClassifyCommand(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(new ClassifyCommand(out).run(args, System.in));
  }

  /** Classifies every input; returns the exit status. */
  int run(String[] args, InputStream stdin) {
    if (args.length == 0) {
      return classify("-", stdin) ? 0 : 1;
    }
    boolean ok = true;
    for (String arg : args) {
      if ("-".equals(arg)) {
        ok &= classify("-", stdin);
      } else {
        try (InputStream in = Files.newInputStream(Path.of(arg))) {
          ok &= classify(arg, in);
        } catch (IOException e) {
          ok &= print(error(arg, "cannot read: " + e.getMessage()));
        }
      }
    }
    return ok ? 0 : 1;
  }

  private boolean classify(String name, InputStream in) {
    try {
      byte[] raw = in.readNBytes(MAX_BYTES + 1);
      ObjectNode line = json.createObjectNode().put("file", name);
      line.setAll((ObjectNode) json.valueToTree(ClassificationJson.of(classifier.classify(raw))));
      return print(line);
    } catch (IOException | RuntimeException e) {
      print(error(name, e.getMessage()));
      return false;
    }
  }

  private ObjectNode error(String name, String message) {
    return json.createObjectNode().put("file", name).put("error", message);
  }

  private boolean print(ObjectNode line) {
    try {
      out.println(json.writeValueAsString(line));
      return !line.has("error");
    } catch (JsonProcessingException e) {
      out.println("{\"file\":\"?\",\"error\":\"unprintable result\"}");
      return false;
    }
  }
}
