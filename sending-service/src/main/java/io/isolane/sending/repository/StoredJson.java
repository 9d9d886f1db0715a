package io.isolane.sending.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractJson;
import java.nio.charset.StandardCharsets;

/** Contract records kept as JSON text in a column (limits from warm-up, send requests). */
final class StoredJson {
  private StoredJson() {}

  static String write(Object value) {
    try {
      return ContractJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(value.getClass().getSimpleName() + " always serialises", e);
    }
  }

  /**
   * A record that arrived as JSON {@code body}: the body as text when it is UTF-8 (without a byte
   * order mark), already checked against the schema; a body in another encoding JSON allows (UTF-16
   * or UTF-32, with zero bytes in every ASCII character) is written anew from {@code value}.
   */
  static String asArrived(Object value, byte[] body) {
    for (byte b : body) {
      if (b == 0) {
        return write(value);
      }
    }
    String json = new String(body, StandardCharsets.UTF_8);
    return json.startsWith("\uFEFF") ? json.substring(1) : json;
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return ContractJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + type.getSimpleName() + " is unreadable", e);
    }
  }
}
