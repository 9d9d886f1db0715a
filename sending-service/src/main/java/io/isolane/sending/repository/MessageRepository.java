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

  // The status is a literal, not a parameter: PostgreSQL's generic plan for a parameter cannot
  // use the partial index message_awaiting and filtered the whole ledger on every sweep.
  private static final String WAITING =
      "status = " + MessageStatus.class.getName() + ".AWAITING_TENANT";

  /** The tenant's messages that wait for its state. */
  public Uni<List<Message>> awaiting(String tenantId) {
    return list("tenantId = ?1 and " + WAITING + " order by id", tenantId);
  }

  /**
   * Messages still waiting although their tenant's lane exists: stored while the lane was being
   * written, so the lane's update did not see them.
   */
  public Uni<List<Message>> awaitingWithLane(int limit) {
    return find("from Message m where m."
            + WAITING
            + " and exists (from TenantLane l where l.tenantId = m.tenantId) order by m.id")
        .page(0, limit)
        .list();
  }

  /** Messages of any tenant that have waited for their tenant since before {@code cutoff}. */
  public Uni<List<Message>> awaitingSince(Instant cutoff, int limit) {
    return find(WAITING + " and receivedAt < ?1 order by id", cutoff).page(0, limit).list();
  }
}
