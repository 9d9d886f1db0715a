package io.isolane.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The mutable, thread-safe zone of a {@link DnsTestServer}, and its answers. */
final class DnsZone {
  private static final long TTL = 60;

  private final Map<Name, List<Record>> byName = new HashMap<>(); // guarded by this

  /**
   * Adds a record: A ("192.0.2.1"), CNAME (target), MX ("10 host") or TXT (the text, split into
   * 255-byte character-strings).
   */
  synchronized void add(String name, String type, String value) {
    Name owner = name(name);
    String upper = type.toUpperCase(Locale.ROOT);
    try {
      Record record =
          switch (upper) {
            case "TXT" -> Record.newRecord(owner, Type.TXT, DClass.IN, TTL, txtRdata(value));
            case "A", "CNAME", "MX" ->
                Record.fromString(owner, Type.value(upper), DClass.IN, TTL, value, Name.root);
            default -> throw new IllegalArgumentException("unsupported record type " + type);
          };
      byName.computeIfAbsent(owner, n -> new ArrayList<>()).add(record);
    } catch (IOException e) {
      throw new IllegalArgumentException("bad " + type + " value: " + value, e);
    }
  }

  /** Removes every record of that type at the name. */
  synchronized void remove(String name, String type) {
    int code = Type.value(type.toUpperCase(Locale.ROOT));
    byName.computeIfPresent(
        name(name),
        (owner, records) -> {
          records.removeIf(r -> r.getType() == code);
          return records.isEmpty() ? null : records;
        });
  }

  synchronized void clear() {
    byName.clear();
  }

  Message answer(Message query) {
    Message response = new Message(query.getHeader().getID());
    Header header = response.getHeader();
    header.setFlag(Flags.QR);
    header.setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    if (question == null) {
      header.setRcode(Rcode.FORMERR);
      return response;
    }
    response.addRecord(question, Section.QUESTION);
    List<Record> answers = lookup(question.getName().canonicalize(), question.getType());
    if (answers == null) {
      header.setRcode(Rcode.NXDOMAIN);
    } else {
      answers.forEach(r -> response.addRecord(r.withName(question.getName()), Section.ANSWER));
    }
    return response;
  }

  /** The answer records, or null when the name has no records at all. */
  private synchronized List<Record> lookup(Name name, int type) {
    List<Record> records = byName.get(name);
    if (records == null) {
      return null;
    }
    List<Record> matching = records.stream().filter(r -> r.getType() == type).toList();
    return matching.isEmpty()
        ? records.stream().filter(r -> r.getType() == Type.CNAME).toList()
        : matching;
  }

  private static byte[] txtRdata(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream rdata = new ByteArrayOutputStream();
    int offset = 0;
    do {
      int length = Math.min(255, bytes.length - offset);
      rdata.write(length);
      rdata.write(bytes, offset, length);
      offset += length;
    } while (offset < bytes.length);
    return rdata.toByteArray();
  }

  private static Name name(String name) {
    try {
      return Name.fromString(name, Name.root).canonicalize();
    } catch (IOException e) {
      throw new IllegalArgumentException("bad DNS name: " + name, e);
    }
  }
}
