package io.isolane.sending.repository;

import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.Claim;
import io.isolane.sending.MessageStatus;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Stores a poll's worth of send requests in one statement and one transaction, with their events:
 * intake keeps up with Kafka whatever any tenant's backlog. The natural key (tenant, message id)
 * makes a redelivered or cancelled-before-intake request a no-op.
 */
@ApplicationScoped
public class IntakeRepository {
  private static final String LANES =
      "SELECT tenant_id, status FROM tenant_lane WHERE tenant_id = ANY($1::text[])";
  private static final String STORE =
      "INSERT INTO message (tenant_id, message_id, mailbox, recipient_domain, stream, status,"
          + " status_reason, priority, not_before, expires_at, request, received_at, updated_at)"
          + " SELECT t.*, now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
          + " $5::text[], $6::text[], $7::text[], $8::int2[], $9::timestamptz[],"
          + " $10::timestamptz[], $11::text[]) AS t"
          + " ON CONFLICT (tenant_id, message_id) DO NOTHING RETURNING tenant_id, message_id";

  /**
   * A request as it is stored.
   *
   * @param request the request
   * @param body the request's contract JSON as it arrived, stored as it is when it is UTF-8
   * @param status ACCEPTED, AWAITING_TENANT or FAILED
   * @param reason why it failed, or null
   */
  public record NewMessage(SendRequest request, byte[] body, MessageStatus status, String reason) {}

  /**
   * Requests ready to store: the statement's columns and each request's event (null for none),
   * built ahead so that the CPU work can run off the event loop.
   */
  public record Prepared(List<NewMessage> messages, Tuple columns, List<OutboxRow> events) {}

  /** The messages' columns and events, {@code event} giving each message's event or null. */
  public static Prepared prepare(List<NewMessage> messages, Function<NewMessage, OutboxRow> event) {
    List<OutboxRow> events = new ArrayList<>(messages.size());
    messages.forEach(m -> events.add(event.apply(m)));
    return new Prepared(messages, columns(messages), events);
  }

  private final Pool pool;

  public IntakeRepository(Pool pool) {
    this.pool = pool;
  }

  /** The status of each known tenant's lane. */
  public Uni<Map<String, TenantStatus>> lanes(Set<String> tenants) {
    return lanes(pool, tenants);
  }

  /** The status of each known tenant's lane, read on {@code client}. */
  public Uni<Map<String, TenantStatus>> lanes(SqlClient client, Set<String> tenants) {
    return client
        .preparedQuery(LANES)
        .execute(Tuple.of(tenants.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, TenantStatus> out = new HashMap<>();
              rows.forEach(r -> out.put(r.getString(0), TenantStatus.valueOf(r.getString(1))));
              return out;
            });
  }

  /** Stores the messages not seen before and, in the same transaction, their events. */
  public Uni<List<NewMessage>> store(Prepared batch) {
    return pool.withTransaction(tx -> store(tx, batch));
  }

  /** As {@link #store(Prepared)}, within the caller's transaction {@code tx}. */
  public Uni<List<NewMessage>> store(SqlClient tx, Prepared batch) {
    List<OutboxRow> events = new ArrayList<>();
    return tx.preparedQuery(STORE)
        .execute(batch.columns())
        .map(rows -> firstSeen(batch, rows, events))
        .call(() -> Ledger.outbox(tx, events));
  }

  /**
   * The messages the statement stored (a redelivered one is not), their events into {@code out}.
   */
  private static List<NewMessage> firstSeen(Prepared batch, RowSet<Row> rows, List<OutboxRow> out) {
    Set<String> stored = new HashSet<>();
    rows.forEach(r -> stored.add(r.getString(0) + "/" + r.getString(1)));
    List<NewMessage> first = new ArrayList<>();
    for (int i = 0; i < batch.messages().size(); i++) {
      NewMessage m = batch.messages().get(i);
      if (stored.remove(key(m.request()))) {
        first.add(m);
        if (batch.events().get(i) != null) {
          out.add(batch.events().get(i));
        }
      }
    }
    return first;
  }

  private static String key(SendRequest r) {
    return r.tenantId() + "/" + r.messageId();
  }

  private static Tuple columns(List<NewMessage> messages) {
    int n = messages.size();
    String[] tenant = new String[n], id = new String[n], mailbox = new String[n];
    String[] domain = new String[n], stream = new String[n], status = new String[n];
    String[] reason = new String[n], request = new String[n];
    Short[] priority = new Short[n];
    OffsetDateTime[] notBefore = new OffsetDateTime[n], expires = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      NewMessage m = messages.get(i);
      SendRequest r = m.request();
      tenant[i] = r.tenantId();
      id[i] = r.messageId();
      mailbox[i] = r.mailbox().toLowerCase(Locale.ROOT);
      domain[i] = Claim.recipientDomain(r);
      stream[i] = r.stream().name();
      status[i] = m.status().name();
      reason[i] = m.reason();
      priority[i] = (short) (r.stream() == Stream.TRANSACTIONAL ? 0 : 1);
      notBefore[i] = r.notBefore() == null ? null : r.notBefore().atOffset(ZoneOffset.UTC);
      expires[i] = r.expiresAt() == null ? null : r.expiresAt().atOffset(ZoneOffset.UTC);
      request[i] = StoredJson.asArrived(r, m.body());
    }
    return Tuple.from(
        java.util.Arrays.<Object>asList(
            tenant, id, mailbox, domain, stream, status, reason, priority, notBefore, expires,
            request));
  }
}
