package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.feedback.repository.BatchWrites;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Suppression for a poll of email.events, in order. Runs of ordinary events (deliveries end
 * soft-bounce streaks; hard bounces, complaints and unsubscribes suppress for good; the rest is
 * only marked) are written in one transaction with a statement per kind of write; a transient
 * bounce, which reads and counts its streak, goes through {@link SuppressionService} on its own.
 * Each event is handled once, whatever the redeliveries.
 */
@ApplicationScoped
public class EmailEventSuppression {
  private final Pool pool;
  private final BatchWrites writes;
  private final LastingSuppressions lasting;
  private final SuppressionService single;

  public EmailEventSuppression(
      Pool pool, BatchWrites writes, LastingSuppressions lasting, SuppressionService single) {
    this.pool = pool;
    this.writes = writes;
    this.lasting = lasting;
    this.single = single;
  }

  /** Handles the events in their order. */
  public Uni<Void> handle(List<ContractEvent<EmailEvent>> events) {
    return Multi.createFrom()
        .iterable(runs(events))
        .onItem()
        .transformToUniAndConcatenate(
            run -> isTransientBounce(run.get(0)) ? single.handle(run.get(0)) : ordinary(run))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> ordinary(List<ContractEvent<EmailEvent>> run) {
    Instant now = Instant.now();
    return pool.withTransaction(
        c ->
            writes
                .firstTimes(c, run, "", ContractEvent::id, e -> e.data().tenantId(), now)
                .chain(firsts -> firstTimes(c, firsts, now)));
  }

  private Uni<Void> firstTimes(SqlConnection c, List<ContractEvent<EmailEvent>> run, Instant now) {
    List<String> tenants = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    for (ContractEvent<EmailEvent> event : run) {
      EmailEvent e = event.data();
      if (e.type() == EmailEventType.DELIVERED && e.recipient() != null) {
        tenants.add(e.tenantId());
        addresses.add(e.recipient().toLowerCase(Locale.ROOT));
      }
    }
    return writes.endStreaks(c, tenants, addresses).chain(() -> lasting.apply(c, run, now));
  }

  /** Consecutive ordinary events together; each transient bounce alone. */
  private static List<List<ContractEvent<EmailEvent>>> runs(List<ContractEvent<EmailEvent>> all) {
    List<List<ContractEvent<EmailEvent>>> runs = new ArrayList<>();
    List<ContractEvent<EmailEvent>> current = new ArrayList<>();
    for (ContractEvent<EmailEvent> e : all) {
      if (isTransientBounce(e)) {
        if (!current.isEmpty()) {
          runs.add(current);
          current = new ArrayList<>();
        }
        runs.add(List.of(e));
      } else {
        current.add(e);
      }
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  private static boolean isTransientBounce(ContractEvent<EmailEvent> event) {
    EmailEvent e = event.data();
    return e.type() == EmailEventType.BOUNCED
        && e.bounce() != null
        && "transient".equals(e.bounce().kind());
  }
}
