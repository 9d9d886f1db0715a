package io.isolane.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.contracts.events.TenantEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards existing consumers. {@code src/test/resources/golden} holds, per event type, a document as
 * v1 producers wrote it and the v1 schema as first published. A change that removes, renames or
 * retypes a field, or makes a new field required, fails here; adding optional fields passes.
 *
 * <p>Golden files are never edited. For a new event type only, create them once with {@code
 * -Disolane.golden.create=true}; existing files are never overwritten.
 */
class GoldenCompatibilityTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = ContractJson.mapper();

  static Stream<EventType<?>> types() {
    return EventTypes.all().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void goldenDocumentIsStillValid(EventType<?> type) throws IOException {
    JsonNode golden = golden(type, ".json", JSON.valueToTree(EventSamples.fullSample(type)));

    assertThat(SchemaValidator.violations(type, golden)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void goldenDocumentSurvivesTheCurrentRecord(EventType<?> type) throws IOException {
    JsonNode golden = golden(type, ".json", JSON.valueToTree(EventSamples.fullSample(type)));

    TenantEvent parsed = JSON.treeToValue(golden, type.payloadClass());
    // compared as JSON text: a long read back from a file is an IntNode, written from a record a
    // LongNode
    Map<String, String> rewritten = leaves(JSON.valueToTree(parsed));

    leaves(golden)
        .forEach(
            (field, value) ->
                assertThat(rewritten.get(field))
                    .as("field %s of %s (removed, renamed or retyped?)", field, type)
                    .isEqualTo(value));
  }

  @ParameterizedTest
  @MethodSource("types")
  void schemaOnlyGrewSinceItWasPublished(EventType<?> type) throws IOException {
    JsonNode current = ContractSchemaTest.schema(type);
    JsonNode golden = golden(type, ".schema.json", current);

    Map<String, String> currentFields = JsonFields.ofSchema(current);
    JsonFields.ofSchema(golden)
        .forEach(
            (field, declared) ->
                assertThat(currentFields.get(field))
                    .as("schema field %s of %s (removed, renamed or retyped?)", field, type)
                    .isEqualTo(declared));
    assertThat(requiredWithin(current, golden))
        .as("required fields of %s: a new field must be optional", type)
        .isSubsetOf(required(golden));
  }

  private static JsonNode golden(EventType<?> type, String suffix, JsonNode firstVersion)
      throws IOException {
    Path file = GOLDEN.resolve(type.name() + "-v" + type.version() + suffix);
    if (!Files.exists(file)) {
      if (!Boolean.getBoolean("isolane.golden.create")) {
        fail("no golden file " + file + ": see this class's comment");
      }
      Files.createDirectories(GOLDEN);
      Files.writeString(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(firstVersion));
    }
    return JSON.readTree(file.toFile());
  }

  private static Set<String> required(JsonNode schema) {
    return requiredWithin(schema, schema);
  }

  /**
   * Required fields of {@code schema} inside the objects {@code published} already had: a new
   * optional object may require fields of its own, since documents without it stay valid.
   */
  private static Set<String> requiredWithin(JsonNode schema, JsonNode published) {
    Set<String> out = new TreeSet<>();
    collectRequired("", schema, published, out);
    return out;
  }

  private static void collectRequired(
      String path, JsonNode schema, JsonNode published, Set<String> out) {
    schema.path("required").forEach(r -> out.add(path + r.asText()));
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode before = published.path("properties").path(e.getKey());
              if (!before.isMissingNode()) {
                collectRequired(path + e.getKey() + ".", e.getValue(), before, out);
              }
            });
    if (schema.has("items") && published.has("items")) {
      collectRequired(path + "[].", schema.get("items"), published.get("items"), out);
    }
  }

  private static Map<String, String> leaves(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    collectLeaves("", node, out);
    return out;
  }

  private static void collectLeaves(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collectLeaves(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectLeaves(path + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(path, node.toString());
    }
  }
}
