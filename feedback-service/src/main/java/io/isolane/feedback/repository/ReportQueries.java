package io.isolane.feedback.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Report figures summed from the counters, one tenant at a time. */
@ApplicationScoped
public class ReportQueries {
  private final Pool pool;

  public ReportQueries(Pool pool) {
    this.pool = pool;
  }

  /** How periods are cut. */
  public enum Granularity {
    DAY("day", "YYYY-MM-DD"),
    HOUR("hour", "YYYY-MM-DD\"T\"HH24:00");

    final String unit;
    final String format;

    Granularity(String unit, String format) {
      this.unit = unit;
      this.format = format;
    }
  }

  /** What rows are broken down by. */
  public enum Breakdown {
    NONE("''"),
    MAILBOX("mailbox"),
    SENDING_DOMAIN("split_part(mailbox, '@', 2)"),
    RECIPIENT_DOMAIN("recipient_domain");

    final String expression;

    Breakdown(String expression) {
      this.expression = expression;
    }
  }

  /**
   * One summed counter.
   *
   * @param period the day or hour, in the report's time zone
   * @param key the mailbox or domain it is about ("" when not broken down, or message-level)
   * @param metric what was counted
   * @param count how many
   */
  public record Figure(String period, String key, String metric, long count) {}

  /** The tenant's counters in [from, to), summed per period (in {@code zone}), key and metric. */
  public Uni<List<Figure>> figures(
      String tenantId,
      Instant from,
      Instant to,
      String zone,
      Granularity granularity,
      Breakdown by) {
    // the unit, format and breakdown come from the enums above, never from the request
    String sql =
        "SELECT to_char(date_trunc('"
            + granularity.unit
            + "', hour AT TIME ZONE $4), '"
            + granularity.format
            + "') AS period, "
            + by.expression
            + " AS key, metric,"
            + " sum(count) AS count FROM report_counter"
            + " WHERE tenant_id = $1 AND hour >= $2 AND hour < $3"
            + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    return pool.preparedQuery(sql)
        .execute(
            Tuple.from(
                Arrays.asList(
                    tenantId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), zone)))
        .map(
            rows -> {
              List<Figure> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Figure(
                        r.getString("period"),
                        r.getString("key"),
                        r.getString("metric"),
                        r.getLong("count")));
              }
              return out;
            });
  }
}
