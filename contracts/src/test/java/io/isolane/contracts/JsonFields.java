package io.isolane.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Flattens JSON into {@code path -> JSON type}, and schemas into {@code path -> declared type}. */
final class JsonFields {
  /** Declared type of an object used as a string map: its keys are data, not fields. */
  static final String MAP = "object:map";

  private JsonFields() {}

  /** Every field path of a document with its JSON node type; array items under {@code []}. */
  static Map<String, String> ofDocument(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    walkDocument("", node, out);
    return out;
  }

  /** Every property path a schema declares, with its declared type (and format, if any). */
  static Map<String, String> ofSchema(JsonNode schema) {
    Map<String, String> out = new TreeMap<>();
    walkSchema("", schema, out);
    return out;
  }

  private static void walkDocument(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        out.put(child, typeOf(e.getValue()));
        walkDocument(child, e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        out.put(path + "[]", typeOf(item));
        walkDocument(path + "[]", item, out);
      }
    }
  }

  private static void walkSchema(String path, JsonNode schema, Map<String, String> out) {
    JsonNode props = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      out.put(child, declared(e.getValue()));
      walkSchema(child, e.getValue(), out);
    }
    JsonNode items = schema.path("items");
    if (!items.isMissingNode()) {
      out.put(path + "[]", declared(items));
      walkSchema(path + "[]", items, out);
    }
  }

  private static String declared(JsonNode schema) {
    if (schema.path("additionalProperties").isObject()) {
      return MAP;
    }
    String type = schema.path("type").asText("any");
    return schema.has("format") ? type + ":" + schema.get("format").asText() : type;
  }

  private static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
      default -> node.getNodeType().name().toLowerCase();
    };
  }
}
