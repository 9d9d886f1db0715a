package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.feedback.Intake;
import io.isolane.feedback.repository.IntakeRepository;
import io.isolane.feedback.repository.IntakeRepository.LastingSuppression;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of intakes in one transaction: each SNS message id is marked once, the events of
 * first-time messages go to the outbox, and their hard bounces and complaints are suppressed right
 * there (with their {@code suppressions} events), one relay hop from sending-service.
 */
@ApplicationScoped
public class IntakeWriter {
  private final Pool pool;
  private final IntakeRepository repository;
  private final SuppressionList suppressionList;

  public IntakeWriter(Pool pool, IntakeRepository repository, SuppressionList suppressionList) {
    this.pool = pool;
    this.repository = repository;
    this.suppressionList = suppressionList;
  }

  /** Commits the intakes; one answer per intake, in order. */
  public Uni<List<String>> write(List<Intake> intakes) {
    Instant now = Instant.now();
    return pool.withTransaction(
        c ->
            repository
                .markFirstTime(
                    c,
                    intakes.stream().map(Intake::markId).toList(),
                    intakes.stream().map(Intake::tenantId).toList(),
                    now)
                .chain(fresh -> publish(c, firstTimes(intakes, fresh), now))
                .map(published -> answers(intakes, published)));
  }

  private Uni<Set<Intake>> publish(SqlConnection c, Set<Intake> firsts, Instant now) {
    List<OutboxRow> rows = new ArrayList<>();
    firsts.forEach(i -> i.events().forEach(e -> rows.add(OutboxRow.of(e))));
    return repository
        .outbox(c, rows)
        .chain(() -> repository.suppress(c, suppressionsOf(firsts), now))
        .chain(changed -> repository.outbox(c, announcements(changed, now)))
        .replaceWith(firsts);
  }

  /** Intakes whose mark is new, the first of each id only (SNS may deliver twice at once). */
  private static Set<Intake> firstTimes(List<Intake> intakes, Set<String> fresh) {
    Set<String> taken = new HashSet<>();
    Set<Intake> firsts = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Intake i : intakes) {
      if (fresh.contains(i.markId()) && taken.add(i.markId())) {
        firsts.add(i);
      }
    }
    return firsts;
  }

  private static List<LastingSuppression> suppressionsOf(Set<Intake> firsts) {
    Map<String, LastingSuppression> wanted = new LinkedHashMap<>();
    for (Intake i : firsts) {
      for (ContractEvent<?> event : i.events()) {
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
    }
    return List.copyOf(wanted.values());
  }

  private List<OutboxRow> announcements(List<LastingSuppression> changed, Instant now) {
    return changed.stream()
        .map(
            s ->
                OutboxRow.of(
                    suppressionList.announcement(
                        s.tenantId(), s.address(), s.reason(), s.sourceEventId(), now)))
        .toList();
  }

  private static List<String> answers(List<Intake> intakes, Set<Intake> published) {
    return intakes.stream()
        .map(i -> published.contains(i) ? "published " + i.events().size() : "duplicate")
        .toList();
  }
}
