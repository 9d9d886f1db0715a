package io.isolane.sending.repository;

import io.isolane.sending.Message;
import io.isolane.sending.MessageStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Messages; every query names the tenant except the stale-awaiting sweep, which spans tenants. */
@ApplicationScoped
public class MessageRepository implements PanacheRepository<Message> {

  /** The tenant's message with this id, or null. */
  public Uni<Message> find(String tenantId, String messageId) {
    return find("tenantId = ?1 and messageId = ?2", tenantId, messageId).firstResult();
  }

  /** The tenant's messages that wait for its state. */
  public Uni<List<Message>> awaiting(String tenantId) {
    return list(
        "tenantId = ?1 and status = ?2 order by id", tenantId, MessageStatus.AWAITING_TENANT);
  }

  /** Messages of any tenant that have waited for their tenant since before {@code cutoff}. */
  public Uni<List<Message>> awaitingSince(Instant cutoff, int limit) {
    return find(
            "status = ?1 and receivedAt < ?2 order by id", MessageStatus.AWAITING_TENANT, cutoff)
        .page(0, limit)
        .list();
  }
}
