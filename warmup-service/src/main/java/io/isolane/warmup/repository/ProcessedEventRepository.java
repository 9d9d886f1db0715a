package io.isolane.warmup.repository;

import io.isolane.warmup.ProcessedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Event ids already handled. */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {
  private static final String CLAIM =
      "INSERT INTO processed_event (event_id, processed_at) VALUES (:id, :at)"
          + " ON CONFLICT (event_id) DO NOTHING";

  /** Records the id; true the first time only, in this transaction. */
  public Uni<Boolean> firstTime(String eventId, Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(CLAIM)
                    .setParameter("id", eventId)
                    .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .executeUpdate())
        .map(n -> n > 0);
  }

  /** Forgets ids older than {@code before}. */
  public Uni<Long> forgetBefore(Instant before) {
    return delete("processedAt < ?1", before);
  }
}
