package io.isolane.warmup.repository;

import io.isolane.contracts.events.SenderHealth;
import io.isolane.warmup.SenderWarmup;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Senders in warm-up; every query names the tenant, except the daily run's. */
@ApplicationScoped
public class SenderWarmupRepository implements PanacheRepository<SenderWarmup> {
  // a sender is due once its own local day has moved past the last computed one; rows another
  // instance is computing are skipped, and re-checked against their committed day when locked
  private static final String LOCK_DUE =
      "SELECT * FROM sender_warmup WHERE NOT retired AND last_computed_day <"
          + " (CAST(:now AS timestamptz) AT TIME ZONE time_zone)::date"
          + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED";
  private static final String LOCK_IPS_TO_SYNC =
      "SELECT * FROM sender_warmup WHERE kind = 'IP'"
          + " AND ip_warmup_percent IS DISTINCT FROM ses_warmup_percent"
          + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED";
  private static final String LOCK_COVERED =
      "SELECT * FROM sender_warmup WHERE tenant_id = :tenant AND NOT retired AND (:scope = 'TENANT'"
          + " OR (:scope = 'MAILBOX' AND sender = :target)"
          + " OR (:scope = 'SENDING_DOMAIN' AND (sender = :target OR sender LIKE :suffix)))"
          + " ORDER BY id FOR UPDATE";

  /**
   * Up to {@code limit} dedicated IPs whose warm-up percentage SES has not acknowledged, locked.
   */
  public Uni<List<SenderWarmup>> lockIpsToSync(int limit) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK_IPS_TO_SYNC, SenderWarmup.class)
                    .setParameter("limit", limit)
                    .getResultList());
  }

  /** The names of the tenant's senders that are already enrolled. */
  public Uni<List<String>> enrolled(String tenantId) {
    return find("select sender from SenderWarmup where tenantId = ?1", tenantId)
        .project(String.class)
        .list();
  }

  /** One sender of the tenant. */
  public Uni<SenderWarmup> of(String tenantId, String sender) {
    return find("tenantId = ?1 and sender = ?2", tenantId, sender).firstResult();
  }

  /** Every sender of the tenant, locked: the daily run skips them until this commits. */
  public Uni<List<SenderWarmup>> lockAllOf(String tenantId) {
    return find("tenantId = ?1 order by id", tenantId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /** Every sender of the tenant, by name. */
  public Uni<List<SenderWarmup>> allOf(String tenantId) {
    return list("tenantId = ?1 order by sender", tenantId);
  }

  /** Up to {@code limit} senders whose day turned by {@code now}, locked for this transaction. */
  public Uni<List<SenderWarmup>> lockDue(Instant now, int limit) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK_DUE, SenderWarmup.class)
                    .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter("limit", limit)
                    .getResultList());
  }

  /** The senders a health scope covers (a domain covers its mailboxes), locked. */
  public Uni<List<SenderWarmup>> lockCovered(
      String tenantId, SenderHealth.Scope scope, String target) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK_COVERED, SenderWarmup.class)
                    .setParameter("tenant", tenantId)
                    .setParameter("scope", scope.name())
                    .setParameter("target", target)
                    .setParameter("suffix", "%@" + target)
                    .getResultList());
  }
}
