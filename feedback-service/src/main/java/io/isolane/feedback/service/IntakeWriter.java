package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.feedback.Intake;
import io.isolane.feedback.repository.BatchWrites;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Writes a batch of intakes in one transaction: each SNS message id is marked once, the events of
 * first-time messages go to the outbox, and their hard bounces and complaints are suppressed right
 * there (with their {@code suppressions} events), one relay hop from sending-service.
 */
@ApplicationScoped
public class IntakeWriter {
  private final Pool pool;
  private final BatchWrites repository;
  private final LastingSuppressions lasting;

  public IntakeWriter(Pool pool, BatchWrites repository, LastingSuppressions lasting) {
    this.pool = pool;
    this.repository = repository;
    this.lasting = lasting;
  }

  /** Commits the intakes; one answer per intake, in order. */
  public Uni<List<String>> write(List<Intake> intakes) {
    Instant now = Instant.now();
    return pool.withTransaction(
        c ->
            repository
                .firstTimes(c, intakes, "", Intake::markId, Intake::tenantId, now)
                .chain(firsts -> publish(c, firsts, now))
                .map(published -> answers(intakes, published)));
  }

  private Uni<Set<Intake>> publish(SqlConnection c, List<Intake> firsts, Instant now) {
    List<OutboxRow> rows = new ArrayList<>();
    List<ContractEvent<?>> events = new ArrayList<>();
    firsts.forEach(i -> i.events().forEach(e -> rows.add(OutboxRow.of(e))));
    firsts.forEach(i -> events.addAll(i.events()));
    Set<Intake> published = Collections.newSetFromMap(new IdentityHashMap<>()); // twins are equal
    published.addAll(firsts);
    return repository
        .outbox(c, rows)
        .chain(() -> lasting.apply(c, events, now))
        .replaceWith(published);
  }

  private static List<String> answers(List<Intake> intakes, Set<Intake> published) {
    return intakes.stream()
        .map(i -> published.contains(i) ? "published " + i.events().size() : "duplicate")
        .toList();
  }
}
