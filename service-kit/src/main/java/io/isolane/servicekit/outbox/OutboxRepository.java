package io.isolane.servicekit.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The transactional outbox table. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {
  private static final String LOCK_OLDEST =
      "SELECT * FROM outbox_event ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED";

  /** The oldest unpublished rows, locked for this transaction and skipped by everyone else. */
  public Uni<List<OutboxEvent>> lockOldest(int limit) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(LOCK_OLDEST, OutboxEvent.class)
                    .setParameter("limit", limit)
                    .getResultList());
  }

  /** Deletes published rows. */
  public Uni<Long> deleteAll(List<OutboxEvent> rows) {
    return delete("seq in ?1", rows.stream().map(r -> r.seq).toList());
  }
}
