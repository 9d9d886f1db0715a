package io.isolane.tenant.service;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.Stream;
import io.isolane.tenant.client.SesProvisioner;
import jakarta.enterprise.context.ApplicationScoped;

/** Removes SES resources: one domain's identity, or everything a deleted tenant had. */
@ApplicationScoped
public class Teardown {
  private final SesProvisioner ses;
  private final Provisioning provisioning;

  public Teardown(SesProvisioner ses, Provisioning provisioning) {
    this.ses = ses;
    this.provisioning = provisioning;
  }

  /** Deletes the domain's SES identity (and its tenant association). */
  void removeDomain(TenantPlan plan, String account, String domain, StepRecorder steps) {
    if (plan.isolated() && account != null) {
      String arn = provisioning.arn(account, "identity/" + domain);
      steps.run("dissociation:" + arn, () -> ses.dissociate(plan.sesTenant(), arn));
    }
    steps.run("identity-removal:" + domain, () -> ses.deleteIdentity(domain));
  }

  /** Deletes every SES resource of the tenant; shared configuration sets stay. */
  void removeTenant(TenantPlan plan, String knownAccount, StepRecorder steps) {
    String account = knownAccount;
    if (plan.isolated() && account == null) {
      String arn =
          steps.call(
              "ses-tenant-lookup:" + plan.sesTenant(), () -> ses.tenantArn(plan.sesTenant()));
      account = arn == null ? null : arn.split(":")[4];
    }
    for (TenantPlan.DomainPlan domain : plan.domains()) {
      removeDomain(plan, account, domain.name(), steps);
    }
    if (plan.tier() == IsolationTier.SHARED) {
      return;
    }
    for (Stream stream : Stream.values()) {
      String set = plan.configurationSets().get(stream);
      if (account != null) {
        String arn = provisioning.arn(account, "configuration-set/" + set);
        steps.run("dissociation:" + arn, () -> ses.dissociate(plan.sesTenant(), arn));
      }
      steps.run("configuration-set-removal:" + set, () -> ses.deleteConfigurationSet(set));
      String pool = plan.pools().get(stream);
      if (pool != null) {
        steps.run("ip-pool-removal:" + pool, () -> ses.deleteDedicatedIpPool(pool));
      }
    }
    steps.run("ses-tenant-removal:" + plan.sesTenant(), () -> ses.deleteTenant(plan.sesTenant()));
  }
}
