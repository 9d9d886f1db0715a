package io.isolane.sending.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class SpilledRecordsTest {
  @Test
  void recordsComeBackAsTheyWereIncludingNullsAndEmptyHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
    headers.add("ce_empty", new byte[0]);
    headers.add("ce_null", null);
    List<ConsumerRecord<String, byte[]>> records =
        List.of(
            record(3, 41, "tenant-ä", headers, "{\"x\":1}".getBytes(StandardCharsets.UTF_8)),
            record(3, 42, null, new RecordHeaders(), null));

    List<ConsumerRecord<String, byte[]>> back = SpilledRecords.unpack(SpilledRecords.pack(records));

    assertThat(back).hasSize(2);
    ConsumerRecord<String, byte[]> first = back.get(0);
    assertThat(first.topic()).isEqualTo("send.requests");
    assertThat(first.partition()).isEqualTo(3);
    assertThat(first.offset()).isEqualTo(41);
    assertThat(first.timestamp()).isEqualTo(1_700_000_000_041L);
    assertThat(first.key()).isEqualTo("tenant-ä");
    assertThat(first.value()).isEqualTo("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(Arrays.stream(first.headers().toArray()).map(h -> h.key()))
        .containsExactly("ce_id", "ce_empty", "ce_null");
    assertThat(first.headers().lastHeader("ce_id").value()).isEqualTo("e-1".getBytes());
    assertThat(first.headers().lastHeader("ce_empty").value()).isEmpty();
    assertThat(first.headers().lastHeader("ce_null").value()).isNull();
    ConsumerRecord<String, byte[]> second = back.get(1);
    assertThat(second.offset()).isEqualTo(42);
    assertThat(second.key()).isNull();
    assertThat(second.value()).isNull();
    assertThat(second.headers().toArray()).isEmpty();
  }

  @Test
  void aTruncatedRowIsRefusedNotReadAsFewerRecords() {
    byte[] packed =
        SpilledRecords.pack(List.of(record(0, 1, "t", new RecordHeaders(), new byte[100])));

    assertThatThrownBy(() -> SpilledRecords.unpack(Arrays.copyOf(packed, packed.length - 10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("truncated");
  }

  private static ConsumerRecord<String, byte[]> record(
      int partition, long offset, String key, RecordHeaders headers, byte[] value) {
    return new ConsumerRecord<>(
        "send.requests",
        partition,
        offset,
        1_700_000_000_000L + offset,
        TimestampType.CREATE_TIME,
        -1,
        -1,
        key,
        value,
        headers,
        Optional.empty());
  }
}
