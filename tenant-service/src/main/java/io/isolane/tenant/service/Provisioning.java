package io.isolane.tenant.service;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.Stream;
import io.isolane.tenant.client.SesCallException;
import io.isolane.tenant.client.SesIdentity;
import io.isolane.tenant.client.SesProvisioner;
import io.isolane.tenant.config.AwsConfig;
import io.isolane.tenant.config.TenantServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes SES hold what a tenant's plan asks for, step by step; every step is idempotent, so a run
 * that died anywhere is simply run again.
 */
@ApplicationScoped
public class Provisioning {
  private final SesProvisioner ses;
  private final TenantServiceConfig config;
  private final String region;

  public Provisioning(SesProvisioner ses, TenantServiceConfig config, AwsConfig aws) {
    this.ses = ses;
    this.config = config;
    this.region = aws.region();
  }

  /** What SES holds afterwards: the account id (isolated tiers) and each domain's identity. */
  record Result(String accountId, Map<String, SesIdentity> identities) {}

  Result provision(TenantPlan plan, StepRecorder steps) {
    String topic = feedbackTopic();
    String account = null;
    if (plan.isolated()) {
      String arn =
          steps.call("ses-tenant:" + plan.sesTenant(), () -> ses.ensureTenant(plan.sesTenant()));
      account = arn.split(":")[4];
    }
    for (Stream stream : Stream.values()) {
      configurationSet(plan, stream, topic, account, steps);
    }
    Map<String, SesIdentity> identities = new LinkedHashMap<>();
    for (TenantPlan.DomainPlan domain : plan.domains()) {
      if (!domain.removalRequested()) {
        identities.put(domain.name(), identity(plan, domain, account, steps));
      }
    }
    return new Result(account, identities);
  }

  private void configurationSet(
      TenantPlan plan, Stream stream, String topic, String account, StepRecorder steps) {
    String set = plan.configurationSets().get(stream);
    String pool = plan.pools().get(stream);
    if (pool != null) {
      steps.run("ip-pool:" + pool, () -> ses.ensureDedicatedIpPool(pool));
    }
    boolean sending = !(plan.suspended() && plan.isolated());
    steps.run("configuration-set:" + set, () -> ses.ensureConfigurationSet(set, pool, sending));
    steps.run("event-destination:" + set, () -> ses.ensureFeedbackDestination(set, topic));
    if (plan.tier() == IsolationTier.SHARED) {
      return; // shared sets are never paused for one tenant: sending-service parks its mail
    }
    if (pool != null) {
      steps.run("delivery-options:" + set, () -> ses.putDeliveryOptions(set, pool));
    }
    steps.run("sending-options:" + set, () -> ses.setSending(set, sending));
    String arn = arn(account, "configuration-set/" + set);
    steps.run("association:" + arn, () -> ses.associate(plan.sesTenant(), arn));
  }

  private SesIdentity identity(
      TenantPlan plan, TenantPlan.DomainPlan domain, String account, StepRecorder steps) {
    String set = plan.configurationSets().get(domain.stream());
    SesIdentity identity =
        steps.call("identity:" + domain.name(), () -> ses.ensureDomainIdentity(domain.name(), set));
    steps.run(
        "mail-from:" + domain.name(),
        () -> ses.putMailFrom(domain.name(), domain.mailFromDomain()));
    if (plan.isolated()) {
      String arn = arn(account, "identity/" + domain.name());
      steps.run("association:" + arn, () -> ses.associate(plan.sesTenant(), arn));
    }
    return identity;
  }

  String arn(String account, String resource) {
    return "arn:aws:ses:" + region + ":" + account + ":" + resource;
  }

  private String feedbackTopic() {
    return config
        .ses()
        .feedbackTopicArn()
        .orElseThrow(
            () ->
                new SesCallException(
                    "CreateConfigurationSetEventDestination",
                    "ConfigurationError",
                    400,
                    "isolane.tenant.ses.feedback-topic-arn is not configured"));
  }
}
