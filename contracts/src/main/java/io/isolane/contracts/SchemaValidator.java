package io.isolane.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates event JSON against the event type's JSON Schema file. */
public final class SchemaValidator {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private SchemaValidator() {}

  /** The schema violations of {@code json}, each as {@code <path>: <message>}; empty if valid. */
  public static List<String> violations(EventType<?> type, JsonNode json) {
    return schemaOf(type).validate(json).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }

  /** The parsed schema of an event type. */
  public static JsonSchema schemaOf(EventType<?> type) {
    return SCHEMAS.computeIfAbsent(type.schemaResource(), SchemaValidator::load);
  }

  private static JsonSchema load(String resource) {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema " + resource);
      }
      return FACTORY.getSchema(ContractJson.mapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable schema " + resource, e);
    }
  }
}
