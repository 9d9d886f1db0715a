package io.isolane.sessimulator.sending;

import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.state.ConfigurationSet;
import io.isolane.sessimulator.state.Identity;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.state.SesTenant;
import io.isolane.sessimulator.state.Verification;
import io.isolane.sessimulator.web.SesException;
import java.util.Locale;

/** Every check SES makes before it accepts a message, in SES's order, with SES's errors. */
public final class SendGuard {
  static final int MAX_RECIPIENTS = 50;

  private final SimulatorConfig config;
  private final SesState state;
  private final Verification verification;
  private final SendQuota quota;

  public SendGuard(
      SimulatorConfig config, SesState state, Verification verification, SendQuota quota) {
    this.config = config;
    this.state = state;
    this.verification = verification;
    this.quota = quota;
  }

  /**
   * Throws what SES would return for this message; when it returns the identity that authorises it,
   * the quota is taken.
   */
  public Identity admit(OutgoingEmail email) {
    checkShape(email);
    if (!state.accountSendingEnabled) {
      throw SesException.sendingPaused("Sending is paused for this account.");
    }
    ConfigurationSet set = configurationSet(email.configurationSetName());
    Identity identity = verification.sendingIdentity(email.from());
    if (identity == null) {
      throw SesException.messageRejected(
          "Email address is not verified. The following identities failed the check in region "
              + config.region().toUpperCase(Locale.ROOT)
              + ": "
              + email.from());
    }
    checkTenant(email.tenantName(), identity, set);
    checkMailFrom(identity);
    quota.acquire(email.recipients().size());
    return identity;
  }

  private static void checkShape(OutgoingEmail email) {
    int recipients = email.recipients().size();
    if (recipients == 0) {
      throw SesException.badRequest("Missing final '@domain'");
    }
    if (recipients > MAX_RECIPIENTS) {
      throw SesException.badRequest("Recipient count exceeds 50.");
    }
    email.recipients().forEach(Addresses::bare);
    if (email.raw() != null && email.raw().length > OutgoingEmail.MAX_BYTES) {
      throw SesException.messageRejected("Message length is more than 40 MB.");
    }
  }

  private ConfigurationSet configurationSet(String name) {
    if (name == null) {
      return null;
    }
    ConfigurationSet set = state.configurationSets.get(name);
    if (set == null) {
      throw SesException.notFound("Configuration set <" + name + "> does not exist.");
    }
    if (!set.sendingEnabled) {
      throw SesException.sendingPaused("Sending is paused for this configuration set.");
    }
    return set;
  }

  private void checkTenant(String tenantName, Identity identity, ConfigurationSet set) {
    if (tenantName == null) {
      return;
    }
    SesTenant tenant = state.tenants.get(tenantName);
    if (tenant == null) {
      throw SesException.notFound("Tenant " + tenantName + " does not exist.");
    }
    if (tenant.paused()) {
      throw SesException.sendingPaused("Sending is paused for tenant " + tenantName + ".");
    }
    requireAssociated(tenant, config.arn("identity/" + identity.name));
    if (set != null) {
      requireAssociated(tenant, config.arn("configuration-set/" + set.name));
    }
  }

  // the one observed SES answer for this case: 403 AccessDeniedException with this text
  private static void requireAssociated(SesTenant tenant, String arn) {
    if (!tenant.resources.containsKey(arn)) {
      throw new SesException(
          403, "AccessDeniedException", "Tenant not associated with resources [" + arn + "]");
    }
  }

  private void checkMailFrom(Identity identity) {
    String status = verification.mailFromStatus(identity);
    if (status != null
        && !"SUCCESS".equals(status)
        && "REJECT_MESSAGE".equals(identity.behaviorOnMxFailure)) {
      throw new SesException(
          400,
          "MailFromDomainNotVerifiedException",
          "The MAIL FROM domain " + identity.mailFromDomain + " is not verified.");
    }
  }
}
