package io.isolane.sending.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Bursts parked as they came off send.requests (table intake_spill), rows of up to 200 records of
 * one tenant. Rows are taken in and deleted in one transaction, so a crash repeats them at most,
 * and taking them in again is a no-op (the ledger's natural key).
 */
@ApplicationScoped
public class SpillRepository {
  private static final String SPILL =
      "INSERT INTO intake_spill (tenant_id, record_count, records) VALUES ($1, $2, $3)";
  private static final String PENDING =
      "SELECT DISTINCT tenant_id FROM intake_spill WHERE tenant_id = ANY($1::text[])";
  private static final String TENANTS = "SELECT DISTINCT tenant_id FROM intake_spill";
  // a handful of the oldest rows, locked; which of them are taken is decided by their counts
  private static final String OLDEST =
      "SELECT id, record_count FROM intake_spill WHERE tenant_id = $1 ORDER BY id LIMIT 50"
          + " FOR UPDATE SKIP LOCKED";
  private static final String RECORDS =
      "SELECT records FROM intake_spill WHERE id = ANY($1::bigint[]) ORDER BY id";
  private static final String DELETE = "DELETE FROM intake_spill WHERE id = ANY($1::bigint[])";

  /**
   * A run of one tenant's records from one poll, to be parked as one row.
   *
   * @param tenantId the records' key
   * @param records the records, in their order on the partition
   */
  public record Spill(String tenantId, List<ConsumerRecord<String, byte[]>> records) {}

  private final Pool pool;

  public SpillRepository(Pool pool) {
    this.pool = pool;
  }

  /** Parks the spills; completes once they are committed. */
  public Uni<Void> spill(List<Spill> spills) {
    if (spills.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> rows =
        spills.stream()
            .map(
                s ->
                    Tuple.of(
                        s.tenantId(),
                        s.records().size(),
                        Buffer.buffer(SpilledRecords.pack(s.records()))))
            .toList();
    return pool.preparedQuery(SPILL).executeBatch(rows).replaceWithVoid();
  }

  /** Which of the tenants have parked records not yet taken in. */
  public Uni<Set<String>> pending(Set<String> tenants) {
    return pool.preparedQuery(PENDING)
        .execute(Tuple.of(tenants.toArray(String[]::new)))
        .map(SpillRepository::tenantIds);
  }

  /** Every tenant with parked records. */
  public Uni<Set<String>> tenants() {
    return pool.query(TENANTS).execute().map(SpillRepository::tenantIds);
  }

  /**
   * Takes in the tenant's oldest parked rows, as many as hold {@code most} records together (at
   * least one row), with {@code takeIn}, on the transaction that deletes them: small rows (a
   * burst's tail, a poll at a time) are taken in together. Answers false when the tenant has none
   * left (or another instance holds them).
   */
  public Uni<Boolean> takeOldest(
      String tenantId,
      int most,
      BiFunction<SqlClient, List<ConsumerRecord<String, byte[]>>, Uni<Void>> takeIn) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(OLDEST)
                .execute(Tuple.of(tenantId))
                .map(rows -> upTo(rows, most))
                .chain(
                    ids -> ids.length == 0 ? Uni.createFrom().item(false) : take(tx, ids, takeIn)));
  }

  private static Uni<Boolean> take(
      SqlClient tx,
      Long[] ids,
      BiFunction<SqlClient, List<ConsumerRecord<String, byte[]>>, Uni<Void>> takeIn) {
    return tx.preparedQuery(RECORDS)
        .execute(Tuple.of(ids))
        .map(SpillRepository::unpackAll)
        .chain(records -> takeIn.apply(tx, records))
        .chain(() -> tx.preparedQuery(DELETE).execute(Tuple.of(ids)))
        .replaceWith(true);
  }

  /** The oldest rows' ids, as many as hold {@code most} records together, at least one. */
  private static Long[] upTo(RowSet<Row> rows, int most) {
    List<Long> ids = new ArrayList<>();
    int records = 0;
    for (Row r : rows) {
      records += r.getInteger("record_count");
      if (!ids.isEmpty() && records > most) {
        break;
      }
      ids.add(r.getLong("id"));
    }
    return ids.toArray(Long[]::new);
  }

  private static List<ConsumerRecord<String, byte[]>> unpackAll(RowSet<Row> rows) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    rows.forEach(r -> out.addAll(SpilledRecords.unpack(r.getBuffer("records").getBytes())));
    return out;
  }

  private static Set<String> tenantIds(Iterable<Row> rows) {
    Set<String> out = new HashSet<>();
    rows.forEach(r -> out.add(r.getString(0)));
    return out;
  }
}
