package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.feedback.repository.BatchWrites;
import io.isolane.feedback.repository.BatchWrites.LastingSuppression;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hard bounces, complaints and unsubscribes among many events, suppressed for good in one
 * statement in the caller's transaction, each change announced on {@code suppressions}.
 */
@ApplicationScoped
public class LastingSuppressions {
  private final BatchWrites writes;
  private final SuppressionList list;

  public LastingSuppressions(BatchWrites writes, SuppressionList list) {
    this.writes = writes;
    this.list = list;
  }

  /** Suppresses the recipients the events call for; a lasting suppression is left alone. */
  public Uni<Void> apply(SqlConnection c, List<? extends ContractEvent<?>> events, Instant now) {
    return writes
        .suppress(c, wanted(events), now)
        .chain(changed -> writes.outbox(c, announcements(changed, now)));
  }

  private static List<LastingSuppression> wanted(List<? extends ContractEvent<?>> events) {
    Map<String, LastingSuppression> wanted = new LinkedHashMap<>(); // one per address: one upsert
    for (ContractEvent<?> event : events) {
      if (event.data() instanceof EmailEvent e) {
        SuppressionPolicy.reasonFor(e)
            .ifPresent(
                reason -> {
                  String address = e.recipient().toLowerCase(Locale.ROOT);
                  wanted.putIfAbsent(
                      e.tenantId() + '\n' + address,
                      new LastingSuppression(e.tenantId(), address, reason, event.id()));
                });
      }
    }
    return List.copyOf(wanted.values());
  }

  private List<OutboxRow> announcements(List<LastingSuppression> changed, Instant now) {
    return changed.stream()
        .map(
            s ->
                OutboxRow.of(
                    list.announcement(
                        s.tenantId(), s.address(), s.reason(), s.sourceEventId(), now)))
        .toList();
  }
}
