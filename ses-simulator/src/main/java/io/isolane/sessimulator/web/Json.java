package io.isolane.sessimulator.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** JSON in SES v2's wire form: PascalCase members, timestamps as epoch seconds. */
public final class Json {
  /** Raw messages up to 40 MB arrive base64-encoded in one JSON string (~54 MB). */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
          com.fasterxml.jackson.core.JsonFactory.builder()
              .streamReadConstraints(
                  com.fasterxml.jackson.core.StreamReadConstraints.builder()
                      .maxStringLength(64 * 1024 * 1024)
                      .build())
              .build());

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array(Collection<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** A timestamp as SES v2 writes it: epoch seconds with a fraction. */
  public static BigDecimal timestamp(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  /** A required string member, or BadRequestException naming it. */
  public static String required(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw SesException.badRequest(member + " is required.");
    }
    return value.asText();
  }

  /** An optional string member. */
  public static String optional(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A string array member; empty when absent. */
  public static List<String> strings(JsonNode node, String member) {
    List<String> out = new ArrayList<>();
    JsonNode value = node.get(member);
    if (value != null && value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  /** SES tags ({@code [{"Key": k, "Value": v}]}) as a map. */
  public static Map<String, String> tags(JsonNode node) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    JsonNode value = node.get("Tags");
    if (value != null && value.isArray()) {
      value.forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
    }
    return tags;
  }

  /** A tag map in SES's wire form. */
  public static ArrayNode tagArray(Map<String, String> tags) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    tags.forEach((k, v) -> array.addObject().put("Key", k).put("Value", v));
    return array;
  }
}
