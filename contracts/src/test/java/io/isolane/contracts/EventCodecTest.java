package io.isolane.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.kafka.CloudEventHeaders;
import io.isolane.contracts.kafka.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static final String SOURCE = "/isolane/test";

  @Test
  void recordCarriesTenantKeyAndCloudEventsHeaders() {
    ContractEvent<TenantState> event =
        ContractEvent.of(EventTypes.TENANT_STATE, SOURCE, EventSamples.tenantState());

    ProducerRecord<String, byte[]> record = EventCodec.toRecord(event);

    assertThat(record.topic()).isEqualTo("tenant.state");
    assertThat(record.key()).isEqualTo("acme-corp");
    assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
    assertThat(header(record.headers(), "ce_id")).isEqualTo(event.id());
    assertThat(header(record.headers(), "ce_type")).isEqualTo("io.isolane.tenant-state.v1");
    assertThat(header(record.headers(), "ce_source")).isEqualTo(SOURCE);
    assertThat(header(record.headers(), "ce_subject")).isEqualTo("acme-corp");
    assertThat(Instant.parse(header(record.headers(), "ce_time"))).isEqualTo(event.time());
    assertThat(header(record.headers(), "ce_dataschema"))
        .isEqualTo("https://schemas.isolane.io/tenant-state/v1.json");
    assertThat(header(record.headers(), "content-type")).isEqualTo("application/json");
  }

  @Test
  void entityTopicsKeyByTenantAndEntity() {
    ContractEvent<Suppression> event =
        ContractEvent.of(EventTypes.SUPPRESSION, SOURCE, EventSamples.suppression());

    assertThat(EventCodec.toRecord(event).key()).isEqualTo("acme-corp/bob@example.org");
  }

  @Test
  void decodeReturnsWhatWasEncoded() {
    ContractEvent<TenantState> event =
        ContractEvent.of(EventTypes.TENANT_STATE, SOURCE, EventSamples.tenantState());
    ProducerRecord<String, byte[]> record = EventCodec.toRecord(event);

    ContractEvent<TenantState> decoded =
        EventCodec.decode(EventTypes.TENANT_STATE, record.key(), record.headers(), record.value());

    assertThat(decoded).isEqualTo(event);
  }

  @Test
  void rejectsAMissingHeader() {
    ProducerRecord<String, byte[]> record = stateRecord();
    record.headers().remove(CloudEventHeaders.ID);

    assertThatThrownBy(() -> decode(record))
        .isInstanceOf(RejectedEventException.class)
        .hasMessage("missing header ce_id");
  }

  @Test
  void rejectsAnotherEventType() {
    ProducerRecord<String, byte[]> record = stateRecord();

    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    EventTypes.SEND_REQUEST, record.key(), record.headers(), record.value()))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining(
            "ce_type io.isolane.tenant-state.v1 where io.isolane.send-request.v1");
  }

  @Test
  void rejectsAKeyOfAnotherTenant() {
    ProducerRecord<String, byte[]> record = stateRecord();

    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    EventTypes.TENANT_STATE, "globex", record.headers(), record.value()))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining("record key globex does not belong to subject acme-corp");
  }

  @Test
  void rejectsAPayloadOfAnotherTenant() {
    ProducerRecord<String, byte[]> record = stateRecord();
    Headers headers = copyWith(record.headers(), CloudEventHeaders.SUBJECT, "globex");

    assertThatThrownBy(
            () -> EventCodec.decode(EventTypes.TENANT_STATE, "globex", headers, record.value()))
        .isInstanceOf(RejectedEventException.class)
        .hasMessage("tenantId acme-corp differs from ce_subject globex");
  }

  @Test
  void rejectsABodyThatBreaksTheSchemaNamingTheField() {
    ProducerRecord<String, byte[]> record = stateRecord();
    byte[] body =
        new String(record.value(), StandardCharsets.UTF_8)
            .replace("\"tier\":\"isolated\"", "\"tier\":\"platinum\"")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> EventCodec.decode(EventTypes.TENANT_STATE, "acme-corp", record.headers(), body))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining("$.tier");
  }

  @Test
  void rejectsABodyThatIsNotJson() {
    ProducerRecord<String, byte[]> record = stateRecord();
    byte[] body = "not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> EventCodec.decode(EventTypes.TENANT_STATE, "acme-corp", record.headers(), body))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageStartingWith("body is not JSON");
  }

  @Test
  void refusesToWriteAPayloadThatBreaksItsSchema() {
    Suppression bad =
        new Suppression(
            "acme-corp",
            "not-an-address",
            true,
            SuppressionReason.MANUAL,
            null,
            Instant.now(),
            null);

    assertThatThrownBy(
            () -> EventCodec.toRecord(ContractEvent.of(EventTypes.SUPPRESSION, SOURCE, bad)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$.address");
  }

  private static ProducerRecord<String, byte[]> stateRecord() {
    return EventCodec.toRecord(
        ContractEvent.of(EventTypes.TENANT_STATE, SOURCE, EventSamples.tenantState()));
  }

  private static ContractEvent<TenantState> decode(ProducerRecord<String, byte[]> record) {
    return EventCodec.decode(
        EventTypes.TENANT_STATE, record.key(), record.headers(), record.value());
  }

  private static Headers copyWith(Headers headers, String name, String value) {
    Headers copy = new RecordHeaders(headers.toArray());
    copy.remove(name);
    copy.add(name, value.getBytes(StandardCharsets.UTF_8));
    return copy;
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
