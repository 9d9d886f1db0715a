package io.isolane.sending.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Bursts parked as they came off send.requests (table intake_spill), one row per tenant and poll. A
 * row is taken in and deleted in one transaction, so a crash repeats it at most, and taking it in
 * again is a no-op (the ledger's natural key).
 */
@ApplicationScoped
public class SpillRepository {
  private static final String SPILL =
      "INSERT INTO intake_spill (tenant_id, record_count, records) VALUES ($1, $2, $3)";
  private static final String PENDING =
      "SELECT DISTINCT tenant_id FROM intake_spill WHERE tenant_id = ANY($1::text[])";
  private static final String TENANTS = "SELECT DISTINCT tenant_id FROM intake_spill";
  private static final String OLDEST =
      "SELECT id, records FROM intake_spill WHERE tenant_id = $1 ORDER BY id LIMIT 1"
          + " FOR UPDATE SKIP LOCKED";
  private static final String DELETE = "DELETE FROM intake_spill WHERE id = $1";

  /**
   * A tenant's records of one poll, to be parked.
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
   * Takes in the tenant's oldest parked row with {@code takeIn}, on the transaction that deletes
   * it. Answers false when the tenant has none left (or another instance holds it).
   */
  public Uni<Boolean> takeOldest(
      String tenantId,
      BiFunction<SqlClient, List<ConsumerRecord<String, byte[]>>, Uni<Void>> takeIn) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(OLDEST)
                .execute(Tuple.of(tenantId))
                .chain(
                    rows -> {
                      RowIterator<Row> it = rows.iterator();
                      if (!it.hasNext()) {
                        return Uni.createFrom().item(false);
                      }
                      Row row = it.next();
                      long id = row.getLong("id");
                      var records = SpilledRecords.unpack(row.getBuffer("records").getBytes());
                      return takeIn
                          .apply(tx, records)
                          .chain(() -> tx.preparedQuery(DELETE).execute(Tuple.of(id)))
                          .replaceWith(true);
                    }));
  }

  private static Set<String> tenantIds(Iterable<Row> rows) {
    Set<String> out = new HashSet<>();
    rows.forEach(r -> out.add(r.getString(0)));
    return out;
  }
}
