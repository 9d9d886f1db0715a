package io.isolane.tenant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.tenant.DomainStatus;
import io.isolane.tenant.DomainVerification;
import io.isolane.tenant.SendingDomain;
import io.isolane.tenant.client.DnsResolver;
import io.isolane.tenant.client.SesCallException;
import io.isolane.tenant.client.SesIdentity;
import io.isolane.tenant.client.SesProvisioner;
import io.isolane.tenant.config.AwsConfig;
import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.repository.DomainRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Verifies domains: SES's DKIM status plus this service's own DNS checks. A domain is ready only
 * when SES has verified DKIM and DMARC is aligned; a change either way is published. Blocking:
 * called from worker threads.
 */
@ApplicationScoped
public class DomainVerificationService {
  private static final Logger LOG = Logger.getLogger(DomainVerificationService.class);

  private final DomainRepository domains;
  private final TenantAccess access;
  private final TenantStates states;
  private final SesProvisioner ses;
  private final DomainVerifier verifier;
  private final ObjectMapper json;
  private final TenantServiceConfig.Dns config;

  public DomainVerificationService(
      DomainRepository domains,
      TenantAccess access,
      TenantStates states,
      SesProvisioner ses,
      DnsResolver resolver,
      AwsConfig aws,
      ObjectMapper json,
      TenantServiceConfig config) {
    this.domains = domains;
    this.access = access;
    this.states = states;
    this.ses = ses;
    this.verifier = new DomainVerifier(resolver, aws.region());
    this.json = json;
    this.config = config.dns();
  }

  /** Verifies the domains whose last check is older than the re-verification interval. */
  public int round() {
    Instant before = Instant.now().minus(config.reverifyInterval());
    List<SendingDomain> due =
        Reconciler.await(() -> Panache.withSession(() -> domains.dueForVerification(before, 20)));
    due.forEach(d -> verify(d.tenantId, d.name));
    return due.size();
  }

  /** Verifies one of the tenant's domains now and returns it with the result. */
  public SendingDomain verify(String tenantId, String name) {
    SendingDomain domain =
        Reconciler.await(
            () ->
                Panache.withSession(
                    () ->
                        domains
                            .find(tenantId, name)
                            .onItem()
                            .ifNull()
                            .failWith(() -> new NotFound("domain", name))));
    if (domain.tokens().isEmpty()) {
      throw new Conflict(
          "identity-pending",
          "the SES identity of " + name + " is not created yet; try again soon");
    }
    SesIdentity identity = new SesIdentity(domain.tokens(), domain.sesDkimStatus);
    try {
      identity = ses.identity(domain.name);
    } catch (SesCallException e) {
      LOG.warnf(
          "SES status of %s unknown, keeping %s: %s", name, domain.sesDkimStatus, e.getMessage());
    }
    DomainVerification result =
        verifier.verify(domain.name, identity.dkimTokens(), domain.mailFromDomain, Instant.now());
    SesIdentity seen = identity;
    return Reconciler.await(() -> Panache.withTransaction(() -> record(domain, seen, result)));
  }

  private Uni<SendingDomain> record(
      SendingDomain checked, SesIdentity identity, DomainVerification result) {
    return domains
        .find(checked.tenantId, checked.name)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFound("domain", checked.name))
        .call(
            d -> {
              d.verification = write(result);
              d.checkedAt = result.checkedAt();
              d.sesDkimStatus = identity.dkimStatus();
              d.dkimTokens = String.join(" ", identity.dkimTokens());
              // SES must have verified DKIM, and DKIM must still be published and DMARC aligned
              DomainStatus status =
                  identity.dkimVerified() && result.dkimPublished() && result.dmarcAligned()
                      ? DomainStatus.READY
                      : DomainStatus.PENDING;
              if (d.status == DomainStatus.REMOVING || d.status == status) {
                return Uni.createFrom().voidItem();
              }
              LOG.infof("domain %s of tenant %s is now %s", d.name, d.tenantId, status);
              d.status = status;
              d.updatedAt = TenantStates.now();
              return access.liveTenant(d.tenantId).flatMap(states::changed);
            });
  }

  private String write(DomainVerification result) {
    try {
      return json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a verification", e);
    }
  }
}
