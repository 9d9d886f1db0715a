package io.isolane.warmup.repository;

import io.isolane.contracts.events.SenderHealth;
import io.isolane.warmup.HealthSignal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The latest health of each scope of each tenant. */
@ApplicationScoped
public class HealthSignalRepository implements PanacheRepository<HealthSignal> {
  // only a newer observation replaces the stored one: replays and late arrivals change nothing
  private static final String UPSERT =
      "INSERT INTO health_signal (tenant_id, scope, target, status, reason, observed_at)"
          + " VALUES (:tenant, :scope, :target, :status, :reason, :observed)"
          + " ON CONFLICT (tenant_id, scope, target) DO UPDATE SET status = EXCLUDED.status,"
          + " reason = EXCLUDED.reason, observed_at = EXCLUDED.observed_at"
          + " WHERE health_signal.observed_at < EXCLUDED.observed_at";

  /** Stores the observation; true when it is newer than what was known. */
  public Uni<Boolean> record(SenderHealth h, String target) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(UPSERT)
                    .setParameter("tenant", h.tenantId())
                    .setParameter("scope", h.scope().name())
                    .setParameter("target", target)
                    .setParameter("status", h.status().name())
                    .setParameter("reason", reason(h))
                    .setParameter(
                        "observed", OffsetDateTime.ofInstant(h.observedAt(), ZoneOffset.UTC))
                    .executeUpdate())
        .map(n -> n > 0);
  }

  /** The signals that cover a sender: the tenant's, its domain's and its own. */
  public Uni<List<HealthSignal>> covering(String tenantId, String sender, String domain) {
    return list(
        "tenantId = ?1 and (scope = ?2 or (scope = ?3 and target = ?4)"
            + " or (scope = ?5 and target = ?6))",
        tenantId,
        SenderHealth.Scope.TENANT,
        SenderHealth.Scope.SENDING_DOMAIN,
        domain,
        SenderHealth.Scope.MAILBOX,
        sender);
  }

  private static String reason(SenderHealth h) {
    String why = h.reason() == null ? h.status().name().toLowerCase() : h.reason();
    String text =
        h.scope().name().toLowerCase().replace('_', ' ')
            + " "
            + h.status().name().toLowerCase()
            + ": "
            + why;
    return text.length() > 400 ? text.substring(0, 400) : text;
  }
}
