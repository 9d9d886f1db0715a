package io.isolane.feedback.repository;

import io.isolane.feedback.Observation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Report counters, counted as events arrive (in the caller's transaction). */
@ApplicationScoped
public class ReportRepository {
  private static final String COUNT =
      "INSERT INTO report_counter (tenant_id, hour, mailbox, recipient_domain, metric, count)"
          + " SELECT $1, $2, $3, $4, m, 1 FROM unnest($5::varchar[]) AS m"
          + " ON CONFLICT (tenant_id, hour, mailbox, recipient_domain, metric)"
          + " DO UPDATE SET count = report_counter.count + 1";

  /** Counts each observation of the tenant (one round trip). */
  public Uni<Void> count(SqlConnection c, String tenantId, List<Observation> observations) {
    return c.preparedQuery(COUNT)
        .executeBatch(observations.stream().map(o -> row(tenantId, o)).toList())
        .replaceWithVoid();
  }

  private static Tuple row(String tenantId, Observation o) {
    return Tuple.from(
        Arrays.asList(
            tenantId,
            o.hour().atOffset(ZoneOffset.UTC),
            o.mailbox(),
            o.recipientDomain(),
            o.metrics().toArray(String[]::new)));
  }
}
