package io.isolane.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventType;
import io.isolane.contracts.KeyScheme;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.SchemaValidator;
import io.isolane.contracts.UnpublishableEventException;
import io.isolane.contracts.events.TenantEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes and reads contract events as Kafka records: key by tenant, CloudEvents binary-mode
 * headers, JSON body valid against the type's schema. Every service goes through here.
 */
public final class EventCodec {
  private EventCodec() {}

  /** The CloudEvents headers of an event. */
  public static Headers headers(ContractEvent<?> event) {
    return headers(event.type(), event.id(), event.source(), event.subject(), event.time());
  }

  /** The CloudEvents headers of an event given by its attributes (a stored event's columns). */
  public static Headers headers(
      EventType<?> type, String id, String source, String subject, Instant time) {
    RecordHeaders headers = new RecordHeaders();
    put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    put(headers, CloudEventHeaders.ID, id);
    put(headers, CloudEventHeaders.TYPE, type.ceType());
    put(headers, CloudEventHeaders.SOURCE, source);
    put(headers, CloudEventHeaders.SUBJECT, subject);
    put(headers, CloudEventHeaders.TIME, time.toString());
    put(headers, CloudEventHeaders.DATA_SCHEMA, type.dataSchema().toString());
    put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    return headers;
  }

  /**
   * The JSON body of an event. Throws {@link UnpublishableEventException} when the payload breaks
   * its own schema: a producer bug must not reach consumers.
   */
  public static byte[] body(ContractEvent<?> event) {
    JsonNode json = ContractJson.mapper().valueToTree(event.data());
    List<String> violations = SchemaValidator.violations(event.type(), json);
    if (!violations.isEmpty()) {
      throw new UnpublishableEventException(
          event.type() + " payload breaks its schema: " + violations);
    }
    try {
      return ContractJson.mapper().writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UnpublishableEventException("cannot serialise " + event.type(), e);
    }
  }

  /**
   * The body of an event already in its contract JSON form (as an outbox stores it): those same
   * bytes, once checked against the type's schema and against the tenant the event is filed under,
   * without mapping them to the payload record and back. Throws {@link UnpublishableEventException}
   * when the JSON is unreadable, breaks the schema or names another tenant.
   */
  public static byte[] storedBody(EventType<?> type, String tenantId, String json) {
    JsonNode tree;
    try {
      tree = ContractJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new UnpublishableEventException("stored " + type + " payload is not JSON", e);
    }
    List<String> violations = SchemaValidator.violations(type, tree);
    if (!violations.isEmpty()) {
      throw new UnpublishableEventException(
          "stored " + type + " payload breaks its schema: " + violations);
    }
    if (!tenantId.equals(tree.path("tenantId").asText())) {
      throw new UnpublishableEventException(
          "stored "
              + type
              + " payload names tenant "
              + tree.path("tenantId").asText()
              + ", filed under "
              + tenantId);
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** A complete record for the event's catalogue topic. */
  public static ProducerRecord<String, byte[]> toRecord(ContractEvent<?> event) {
    return new ProducerRecord<>(
        event.type().topic().topicName(), null, event.key(), body(event), headers(event));
  }

  /** Decodes a consumed record, or throws {@link RejectedEventException} with the reason. */
  public static <T extends TenantEvent> ContractEvent<T> decode(
      EventType<T> type, ConsumerRecord<String, byte[]> record) {
    return decode(type, record.key(), record.headers(), record.value());
  }

  /** Decodes a record's parts, or throws {@link RejectedEventException} with the reason. */
  public static <T extends TenantEvent> ContractEvent<T> decode(
      EventType<T> type, String key, Headers headers, byte[] value) {
    String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
    if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
      throw new RejectedEventException("unsupported ce_specversion " + specVersion);
    }
    String ceType = required(headers, CloudEventHeaders.TYPE);
    if (!type.ceType().equals(ceType)) {
      throw new RejectedEventException(
          "ce_type " + ceType + " where " + type.ceType() + " belongs");
    }
    String id = required(headers, CloudEventHeaders.ID);
    String source = required(headers, CloudEventHeaders.SOURCE);
    String subject = required(headers, CloudEventHeaders.SUBJECT);
    Instant time = parseTime(required(headers, CloudEventHeaders.TIME));
    if (key == null || !subject.equals(KeyScheme.tenantOf(key))) {
      throw new RejectedEventException(
          "record key " + key + " does not belong to subject " + subject);
    }
    T data = parseData(type, value);
    if (!subject.equals(data.tenantId())) {
      throw new RejectedEventException(
          "tenantId " + data.tenantId() + " differs from ce_subject " + subject);
    }
    try {
      return new ContractEvent<>(id, type, source, time, data);
    } catch (IllegalArgumentException e) {
      throw new RejectedEventException(e.getMessage(), e);
    }
  }

  private static <T extends TenantEvent> T parseData(EventType<T> type, byte[] value) {
    if (value == null || value.length == 0) {
      throw new RejectedEventException("empty body");
    }
    JsonNode json;
    try {
      json = ContractJson.mapper().readTree(value);
    } catch (JsonProcessingException e) {
      throw new RejectedEventException("body is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RejectedEventException("body is unreadable: " + e.getMessage(), e);
    }
    List<String> violations = SchemaValidator.violations(type, json);
    if (!violations.isEmpty()) {
      throw new RejectedEventException("body breaks " + type.dataSchema() + ": " + violations);
    }
    try {
      return ContractJson.mapper().treeToValue(json, type.payloadClass());
    } catch (JsonProcessingException e) {
      throw new RejectedEventException("body does not map: " + e.getOriginalMessage(), e);
    }
  }

  private static Instant parseTime(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new RejectedEventException("ce_time is not an RFC 3339 time: " + value, e);
    }
  }

  private static String required(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null || header.value().length == 0) {
      throw new RejectedEventException("missing header " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
