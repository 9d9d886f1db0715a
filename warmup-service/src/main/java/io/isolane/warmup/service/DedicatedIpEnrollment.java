package io.isolane.warmup.service;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.isolane.warmup.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

/**
 * Puts a dedicated IP of a {@code dedicated} tenant under this service's warm-up (the tenant opts
 * it out of SES's automatic warm-up): the IP must be in one of the tenant's pools as SES reports
 * it.
 */
@ApplicationScoped
public class DedicatedIpEnrollment {
  private final TenantRepository tenants;
  private final SenderWarmupRepository senders;
  private final EnrollmentService enrollment;

  public DedicatedIpEnrollment(
      TenantRepository tenants, SenderWarmupRepository senders, EnrollmentService enrollment) {
    this.tenants = tenants;
    this.senders = senders;
    this.enrollment = enrollment;
  }

  /** Why an IP cannot be enrolled. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Enrolls the IP (SES says it is in {@code sesPool}); true when newly enrolled, false when it
   * already was. Fails with {@link Refused} for a tenant without dedicated IPs or an IP of no pool
   * of the tenant.
   */
  @WithTransaction
  public Uni<Boolean> enroll(String tenantId, String ip, Optional<String> sesPool) {
    return tenants
        .findById(tenantId)
        .chain(
            tenant -> {
              if (tenant == null || tenant.tier != IsolationTier.DEDICATED) {
                throw new Refused("only dedicated tenants have dedicated IPs");
              }
              boolean ours =
                  sesPool.isPresent()
                      && Arrays.asList(tenant.ipPools.split(",")).contains(sesPool.get());
              if (!ours) {
                throw new Refused("SES does not list this IP in a dedicated pool of yours");
              }
              return senders
                  .of(tenantId, ip)
                  .chain(
                      existing ->
                          existing != null
                              ? Uni.createFrom().item(false)
                              : enrollment.enroll(tenant, ip, SenderKind.IP).replaceWith(true));
            });
  }
}
