package io.isolane.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.kafka.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Encoding an event an outbox stored as JSON, without mapping it to its record and back. */
class StoredEventTest {
  private static final String SOURCE = "/isolane/test";
  private final ContractEvent<TenantState> event =
      ContractEvent.of(EventTypes.TENANT_STATE, SOURCE, EventSamples.tenantState());

  @Test
  void storedJsonIsPublishedAsTheSameRecordAnEventEncodesTo() throws Exception {
    ProducerRecord<String, byte[]> record = EventCodec.toRecord(event);
    String stored = ContractJson.mapper().writeValueAsString(event.data());

    byte[] body = EventCodec.storedBody(EventTypes.TENANT_STATE, "acme-corp", stored);

    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo(new String(record.value(), StandardCharsets.UTF_8));
    Header[] expected = record.headers().toArray();
    Header[] headers =
        EventCodec.headers(EventTypes.TENANT_STATE, event.id(), SOURCE, "acme-corp", event.time())
            .toArray();
    assertThat(headers).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(headers[i].key()).isEqualTo(expected[i].key());
      assertThat(headers[i].value()).isEqualTo(expected[i].value());
    }
  }

  @Test
  void storedJsonThatBreaksTheSchemaIsUnpublishable() throws Exception {
    String stored =
        ContractJson.mapper()
            .writeValueAsString(event.data())
            .replace("\"status\":\"active\"", "\"status\":\"limbo\"");

    assertThatThrownBy(() -> EventCodec.storedBody(EventTypes.TENANT_STATE, "acme-corp", stored))
        .isInstanceOf(UnpublishableEventException.class)
        .hasMessageContaining("breaks its schema")
        .hasMessageContaining("$.status");
  }

  @Test
  void storedJsonFiledUnderAnotherTenantIsUnpublishable() throws Exception {
    String stored = ContractJson.mapper().writeValueAsString(event.data());

    assertThatThrownBy(() -> EventCodec.storedBody(EventTypes.TENANT_STATE, "globex", stored))
        .isInstanceOf(UnpublishableEventException.class)
        .hasMessageContaining("names tenant acme-corp, filed under globex");
  }

  @Test
  void storedTextThatIsNotJsonIsUnpublishable() {
    assertThatThrownBy(
            () -> EventCodec.storedBody(EventTypes.TENANT_STATE, "acme-corp", "{\"tenantId\": "))
        .isInstanceOf(UnpublishableEventException.class)
        .hasMessageContaining("is not JSON");
  }
}
