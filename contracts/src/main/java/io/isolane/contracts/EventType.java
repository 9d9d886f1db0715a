package io.isolane.contracts;

import io.isolane.contracts.events.TenantEvent;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of event: its CloudEvents type, the record that carries it, the topic it travels on and
 * its versioned JSON Schema.
 *
 * @param <T> the payload record
 */
public final class EventType<T extends TenantEvent> {
  /** Base of every {@code ce_dataschema}; the path names a schema file of this module. */
  public static final String SCHEMA_BASE = "https://schemas.isolane.io/";

  private final String name;
  private final int version;
  private final Class<T> payloadClass;
  private final Topic topic;
  private final Function<T, String> entityOf;
  // computed once: every record produced or consumed asks for them
  private final String ceType;
  private final URI dataSchema;
  private final String schemaResource;

  EventType(
      String name, int version, Class<T> payloadClass, Topic topic, Function<T, String> entityOf) {
    this.name = Objects.requireNonNull(name);
    this.version = version;
    this.payloadClass = Objects.requireNonNull(payloadClass);
    this.topic = Objects.requireNonNull(topic);
    this.entityOf = entityOf;
    this.ceType = "io.isolane." + name + ".v" + version;
    this.dataSchema = URI.create(SCHEMA_BASE + name + "/v" + version + ".json");
    this.schemaResource = "/schemas/" + name + "-v" + version + ".json";
  }

  /** Schema name, e.g. {@code tenant-state}. */
  public String name() {
    return name;
  }

  /** Major version; a new major version is a new event type on its own topic. */
  public int version() {
    return version;
  }

  public Class<T> payloadClass() {
    return payloadClass;
  }

  public Topic topic() {
    return topic;
  }

  /** The CloudEvents {@code type}, e.g. {@code io.isolane.tenant-state.v1}. */
  public String ceType() {
    return ceType;
  }

  /** The CloudEvents {@code dataschema}. */
  public URI dataSchema() {
    return dataSchema;
  }

  /** Class-path location of the JSON Schema file. */
  public String schemaResource() {
    return schemaResource;
  }

  /** The record key of {@code payload} under its topic's key scheme. */
  public String keyOf(T payload) {
    String entity = entityOf == null ? null : entityOf.apply(payload);
    return topic.keyScheme().key(payload.tenantId(), entity);
  }

  @Override
  public String toString() {
    return ceType();
  }
}
