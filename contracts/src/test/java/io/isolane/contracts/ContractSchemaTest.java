package io.isolane.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.events.TenantEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type serialises to JSON valid against its schema, and round-trips. */
class ContractSchemaTest {

  static Stream<EventType<?>> types() {
    return EventTypes.all().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void fullSampleIsValidAgainstItsSchema(EventType<?> type) {
    JsonNode json = ContractJson.mapper().valueToTree(EventSamples.fullSample(type));

    assertThat(SchemaValidator.violations(type, json)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void fullSampleRoundTripsThroughJson(EventType<?> type) throws IOException {
    TenantEvent sample = EventSamples.fullSample(type);
    byte[] json = ContractJson.mapper().writeValueAsBytes(sample);

    assertThat(ContractJson.mapper().readValue(json, type.payloadClass())).isEqualTo(sample);
  }

  @ParameterizedTest
  @MethodSource("types")
  void schemaDeclaresExactlyTheFieldsTheRecordWrites(EventType<?> type) throws IOException {
    Map<String, String> written =
        JsonFields.ofDocument(ContractJson.mapper().valueToTree(EventSamples.fullSample(type)));
    Map<String, String> declared = JsonFields.ofSchema(schema(type));

    Set<String> writtenFields = withoutMapKeys(written.keySet(), declared);
    assertThat(writtenFields)
        .as("fields the record writes that the schema does not declare, or the reverse")
        .isEqualTo(declared.keySet());
    for (String field : writtenFields) {
      assertThat(compatible(written.get(field), declared.get(field)))
          .as("%s is written as %s but declared %s", field, written.get(field), declared.get(field))
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void schemaEnumsListExactlyTheJavaConstants(EventType<?> type) throws IOException {
    assertEnums(type.payloadClass(), schema(type));
  }

  @ParameterizedTest
  @MethodSource("types")
  void schemaIdMatchesTheDataSchemaUri(EventType<?> type) throws IOException {
    assertThat(schema(type).path("$id").asText()).isEqualTo(type.dataSchema().toString());
  }

  private static void assertEnums(Class<?> record, JsonNode schema) {
    for (RecordComponent component : record.getRecordComponents()) {
      JsonNode property = schema.path("properties").path(component.getName());
      Class<?> type = component.getType();
      if (type.isEnum()) {
        Set<String> constants =
            Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>();
        property.path("enum").forEach(v -> declared.add(v.asText()));
        assertThat(declared)
            .as("enum of %s.%s", record.getSimpleName(), component.getName())
            .isEqualTo(constants);
      } else if (type.isRecord()) {
        assertEnums(type, property);
      } else if (type == java.util.List.class) {
        Type item = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        if (item instanceof Class<?> itemClass && itemClass.isRecord()) {
          assertEnums(itemClass, property.path("items"));
        }
      }
    }
  }

  private static Set<String> withoutMapKeys(Set<String> fields, Map<String, String> declared) {
    return fields.stream()
        .filter(f -> f.lastIndexOf('.') < 0 || !JsonFields.MAP.equals(declared.get(parent(f))))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String parent(String field) {
    return field.substring(0, field.lastIndexOf('.'));
  }

  private static boolean compatible(String written, String declared) {
    String declaredType = declared.split(":")[0];
    return declaredType.equals(written)
        || ("number".equals(declaredType) && "integer".equals(written));
  }

  static JsonNode schema(EventType<?> type) throws IOException {
    try (InputStream in = ContractSchemaTest.class.getResourceAsStream(type.schemaResource())) {
      assertThat(in).as("schema file %s", type.schemaResource()).isNotNull();
      return ContractJson.mapper().readTree(in);
    }
  }
}
