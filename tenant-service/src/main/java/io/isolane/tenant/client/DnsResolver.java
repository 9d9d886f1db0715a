package io.isolane.tenant.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Blocking DNS queries against one configured resolver, without a cache so that a re-verification
 * sees a removed record at once. Names come back lower case without the trailing dot; NXDOMAIN and
 * no data are empty lists, anything else that is not an answer is a {@link DnsLookupException}.
 */
public final class DnsResolver {
  private final SimpleResolver resolver;

  public DnsResolver(String host, int port, Duration timeout) {
    resolver = new SimpleResolver(new InetSocketAddress(host, port));
    resolver.setTimeout(timeout);
  }

  /** Targets of the CNAME records owned by the name itself (not of a chain behind it). */
  public List<String> cname(String name) {
    Name owner = name(name);
    return query(owner, Type.CNAME).stream()
        .filter(r -> r.getName().equals(owner))
        .map(r -> host(((CNAMERecord) r).getTarget()))
        .toList();
  }

  public List<MxRecord> mx(String name) {
    return query(name(name), Type.MX).stream()
        .map(MXRecord.class::cast)
        .map(r -> new MxRecord(r.getPriority(), host(r.getTarget())))
        .toList();
  }

  /** Each TXT record's character-strings joined without separator (RFC 7208 section 3.3). */
  public List<String> txt(String name) {
    return query(name(name), Type.TXT).stream().map(r -> joined((TXTRecord) r)).toList();
  }

  private List<Record> query(Name name, int type) {
    String what = host(name) + " " + Type.string(type);
    Message response;
    try {
      response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
    } catch (IOException e) {
      throw new DnsLookupException(what + ": " + e.getMessage(), e);
    }
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return List.of();
    }
    if (rcode != Rcode.NOERROR) {
      throw new DnsLookupException(what + ": " + Rcode.string(rcode));
    }
    // a recursive resolver may put a CNAME chain first; keep the asked type only
    return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
  }

  private static String joined(TXTRecord record) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (byte[] part : record.getStringsAsByteArrays()) {
      text.writeBytes(part);
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  private static Name name(String name) {
    try {
      return Name.fromString(name, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + name, e);
    }
  }

  private static String host(Name name) {
    return name.toString(true).toLowerCase(Locale.ROOT);
  }
}
