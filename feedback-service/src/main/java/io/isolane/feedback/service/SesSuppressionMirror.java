package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.TenantState;
import io.isolane.feedback.client.SesSuppressionClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Mirrors each tenant's lasting suppressions into its own SES tenant's suppression list, where its
 * tier has an SES tenant (isolated and dedicated): SES then refuses the address even if a message
 * slipped past us. Temporary suppressions are not mirrored, as SES's list has no expiry.
 */
@ApplicationScoped
public class SesSuppressionMirror {
  private final TenantDirectory directory;
  private final SesSuppressionClient ses;

  public SesSuppressionMirror(TenantDirectory directory, SesSuppressionClient ses) {
    this.directory = directory;
    this.ses = ses;
  }

  /** Applies one change of the suppressions topic (idempotent: SES's list is set, not counted). */
  public Uni<Void> apply(ContractEvent<Suppression> event) {
    Suppression s = event.data();
    return directory
        .state(s.tenantId())
        .map(state -> state.map(TenantState::sesTenantName))
        .chain(sesTenant -> mirror(sesTenant.orElse(null), s))
        .onFailure(SesSuppressionClient.Refused.class)
        .transform(e -> new RejectedEventException(e.getMessage(), e));
  }

  private Uni<Void> mirror(String sesTenant, Suppression s) {
    if (sesTenant == null) {
      return Uni.createFrom().voidItem(); // shared tier, or a tenant not known yet
    }
    if (!s.suppressed()) {
      return ses.delete(sesTenant, s.address());
    }
    return s.expiresAt() == null
        ? ses.put(sesTenant, s.address(), s.reason())
        : Uni.createFrom().voidItem();
  }
}
