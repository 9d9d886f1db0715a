package io.isolane.sending.repository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Records of send.requests packed as they came off the topic (topic, partition, offset, timestamp,
 * key, headers, value), so a spilled burst is taken in later exactly as if it had just been polled:
 * the same decoding, the same dead-letter entries with the original coordinates.
 */
public final class SpilledRecords {
  private static final int FORMAT = 1;

  private SpilledRecords() {}

  /** The records in one byte array. */
  public static byte[] pack(List<ConsumerRecord<String, byte[]>> records) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate(records));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(records.size());
      for (ConsumerRecord<String, byte[]> r : records) {
        write(out, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** The records {@link #pack} packed, in their order. */
  public static List<ConsumerRecord<String, byte[]>> unpack(byte[] packed) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown spill format " + format);
      }
      int n = in.readInt();
      List<ConsumerRecord<String, byte[]>> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(read(in));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("a spilled row is truncated", e);
    }
  }

  private static void write(DataOutputStream out, ConsumerRecord<String, byte[]> r)
      throws IOException {
    out.writeUTF(r.topic());
    out.writeInt(r.partition());
    out.writeLong(r.offset());
    out.writeLong(r.timestamp());
    writeBytes(out, r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8));
    Header[] headers = r.headers().toArray();
    out.writeInt(headers.length);
    for (Header h : headers) {
      out.writeUTF(h.key());
      writeBytes(out, h.value());
    }
    writeBytes(out, r.value());
  }

  private static ConsumerRecord<String, byte[]> read(DataInputStream in) throws IOException {
    String topic = in.readUTF();
    int partition = in.readInt();
    long offset = in.readLong();
    long timestamp = in.readLong();
    byte[] key = readBytes(in);
    RecordHeaders headers = new RecordHeaders();
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      headers.add(in.readUTF(), readBytes(in));
    }
    byte[] value = readBytes(in);
    return new ConsumerRecord<>(
        topic,
        partition,
        offset,
        timestamp,
        TimestampType.CREATE_TIME,
        key == null ? -1 : key.length,
        value == null ? -1 : value.length,
        key == null ? null : new String(key, StandardCharsets.UTF_8),
        value,
        headers,
        Optional.empty());
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) {
      out.write(b);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] b = in.readNBytes(length);
    if (b.length < length) {
      throw new IOException("expected " + length + " bytes, found " + b.length);
    }
    return b;
  }

  private static int estimate(List<ConsumerRecord<String, byte[]>> records) {
    int size = 16;
    for (ConsumerRecord<String, byte[]> r : records) {
      size += 256 + Math.max(0, r.serializedValueSize());
    }
    return size;
  }
}
