package io.isolane.warmup.repository;

import io.isolane.warmup.SenderWarmup;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Senders in warm-up; every query names the tenant. */
@ApplicationScoped
public class SenderWarmupRepository implements PanacheRepository<SenderWarmup> {

  /** The mailbox addresses of the tenant that are already enrolled. */
  public Uni<List<String>> enrolledMailboxes(String tenantId) {
    return find("select mailbox from SenderWarmup where tenantId = ?1", tenantId)
        .project(String.class)
        .list();
  }
}
