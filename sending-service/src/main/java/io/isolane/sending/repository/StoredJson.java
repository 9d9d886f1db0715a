package io.isolane.sending.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractJson;

/** Contract records kept as JSON text in a column (limits from warm-up). */
final class StoredJson {
  private StoredJson() {}

  static String write(Object value) {
    try {
      return ContractJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(value.getClass().getSimpleName() + " always serialises", e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return ContractJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + type.getSimpleName() + " is unreadable", e);
    }
  }
}
