package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks of the packaged application as it is deployed (prod profile): everything operators get,
 * plus structured logs. A service's {@code PackagedAppIT} extends this with
 * {@code @QuarkusIntegrationTest}.
 */
public abstract class PackagedAppChecks extends OperationsChecks {
  /** Where {@code @QuarkusIntegrationTest} writes the application's console output. */
  private static final Path LOG = Path.of("target", "quarkus.log");

  @Test
  void productionLogsAreOneJsonObjectPerLine() throws IOException {
    List<String> lines = Files.readAllLines(LOG).stream().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as("log lines in %s", LOG).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode entry = json.readTree(line);
      assertThat(entry.path("level").asText()).as(line).isNotEmpty();
      assertThat(entry.has("message")).as(line).isTrue();
    }
  }
}
