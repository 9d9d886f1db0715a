package io.isolane.tenant.client;

import io.isolane.tenant.config.TenantServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.BehaviorOnMxFailure;
import software.amazon.awssdk.services.sesv2.model.EventType;
import software.amazon.awssdk.services.sesv2.model.ScalingMode;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;
import software.amazon.awssdk.services.sesv2.model.TlsPolicy;

/**
 * The SES control-plane calls provisioning needs, one SES call per method, each idempotent:
 * creating what exists or deleting what is gone counts as done. Blocking; call from a worker
 * thread.
 */
@ApplicationScoped
public class SesProvisioner {
  /** Name of the event destination every configuration set gets. */
  public static final String FEEDBACK_DESTINATION = "isolane-feedback";

  private static final String EXISTS = "AlreadyExistsException";
  private static final String MISSING = "NotFoundException";

  private final SesV2AsyncClient ses;
  private final ControlPlaneLimiter limiter;

  public SesProvisioner(SesV2AsyncClient ses, TenantServiceConfig config) {
    this.ses = ses;
    this.limiter = new ControlPlaneLimiter(config.ses().controlPlaneRate());
  }

  /** Creates the SES tenant if missing and returns its ARN. */
  public String ensureTenant(String name) {
    call("CreateTenant", EXISTS, () -> ses.createTenant(r -> r.tenantName(name)));
    return call("GetTenant", null, () -> ses.getTenant(r -> r.tenantName(name)))
        .tenant()
        .tenantArn();
  }

  /** The SES tenant's ARN, or null when it does not exist. */
  public String tenantArn(String name) {
    var response = call("GetTenant", MISSING, () -> ses.getTenant(r -> r.tenantName(name)));
    return response == null ? null : response.tenant().tenantArn();
  }

  public void deleteTenant(String name) {
    call("DeleteTenant", MISSING, () -> ses.deleteTenant(r -> r.tenantName(name)));
  }

  public void associate(String tenantName, String resourceArn) {
    call(
        "CreateTenantResourceAssociation",
        EXISTS,
        () ->
            ses.createTenantResourceAssociation(
                r -> r.tenantName(tenantName).resourceArn(resourceArn)));
  }

  public void dissociate(String tenantName, String resourceArn) {
    call(
        "DeleteTenantResourceAssociation",
        MISSING,
        () ->
            ses.deleteTenantResourceAssociation(
                r -> r.tenantName(tenantName).resourceArn(resourceArn)));
  }

  public void ensureDedicatedIpPool(String pool) {
    call(
        "CreateDedicatedIpPool",
        EXISTS,
        () -> ses.createDedicatedIpPool(r -> r.poolName(pool).scalingMode(ScalingMode.STANDARD)));
  }

  public void deleteDedicatedIpPool(String pool) {
    call("DeleteDedicatedIpPool", MISSING, () -> ses.deleteDedicatedIpPool(r -> r.poolName(pool)));
  }

  /**
   * Creates the configuration set if missing: bounces and complaints suppressed at the
   * configuration-set level, TLS required, the dedicated pool when given, sending enabled or not.
   */
  public void ensureConfigurationSet(String name, String pool, boolean sendingEnabled) {
    call(
        "CreateConfigurationSet",
        EXISTS,
        () ->
            ses.createConfigurationSet(
                r ->
                    r.configurationSetName(name)
                        .suppressionOptions(
                            s ->
                                s.suppressedReasons(
                                    SuppressionListReason.BOUNCE, SuppressionListReason.COMPLAINT))
                        .deliveryOptions(d -> d.sendingPoolName(pool).tlsPolicy(TlsPolicy.REQUIRE))
                        .sendingOptions(s -> s.sendingEnabled(sendingEnabled))));
  }

  /** Sends every event type of the configuration set to the feedback topic. */
  public void ensureFeedbackDestination(String configurationSet, String topicArn) {
    call(
        "CreateConfigurationSetEventDestination",
        EXISTS,
        () ->
            ses.createConfigurationSetEventDestination(
                r ->
                    r.configurationSetName(configurationSet)
                        .eventDestinationName(FEEDBACK_DESTINATION)
                        .eventDestination(
                            d ->
                                d.enabled(true)
                                    .matchingEventTypes(
                                        EventType.SEND,
                                        EventType.REJECT,
                                        EventType.BOUNCE,
                                        EventType.COMPLAINT,
                                        EventType.DELIVERY,
                                        EventType.DELIVERY_DELAY,
                                        EventType.RENDERING_FAILURE,
                                        EventType.OPEN,
                                        EventType.CLICK,
                                        EventType.SUBSCRIPTION)
                                    .snsDestination(s -> s.topicArn(topicArn)))));
  }

  /** Points the configuration set at a dedicated IP pool (null: the shared pools). */
  public void putDeliveryOptions(String configurationSet, String pool) {
    call(
        "PutConfigurationSetDeliveryOptions",
        null,
        () ->
            ses.putConfigurationSetDeliveryOptions(
                r ->
                    r.configurationSetName(configurationSet)
                        .sendingPoolName(pool)
                        .tlsPolicy(TlsPolicy.REQUIRE)));
  }

  public void setSending(String configurationSet, boolean enabled) {
    call(
        "PutConfigurationSetSendingOptions",
        null,
        () ->
            ses.putConfigurationSetSendingOptions(
                r -> r.configurationSetName(configurationSet).sendingEnabled(enabled)));
  }

  public void deleteConfigurationSet(String name) {
    call(
        "DeleteConfigurationSet",
        MISSING,
        () -> ses.deleteConfigurationSet(r -> r.configurationSetName(name)));
  }

  /** Creates the domain identity with Easy DKIM if missing; returns what SES says of it. */
  public SesIdentity ensureDomainIdentity(String domain, String configurationSet) {
    call(
        "CreateEmailIdentity",
        EXISTS,
        () ->
            ses.createEmailIdentity(
                r -> r.emailIdentity(domain).configurationSetName(configurationSet)));
    return identity(domain);
  }

  /** SES's view of the identity: DKIM tokens and status. */
  public SesIdentity identity(String domain) {
    var dkim =
        call("GetEmailIdentity", null, () -> ses.getEmailIdentity(r -> r.emailIdentity(domain)))
            .dkimAttributes();
    return new SesIdentity(dkim.tokens(), dkim.statusAsString());
  }

  public void putMailFrom(String domain, String mailFromDomain) {
    call(
        "PutEmailIdentityMailFromAttributes",
        null,
        () ->
            ses.putEmailIdentityMailFromAttributes(
                r ->
                    r.emailIdentity(domain)
                        .mailFromDomain(mailFromDomain)
                        .behaviorOnMxFailure(BehaviorOnMxFailure.USE_DEFAULT_VALUE)));
  }

  public void deleteIdentity(String domain) {
    call(
        "DeleteEmailIdentity",
        MISSING,
        () -> ses.deleteEmailIdentity(r -> r.emailIdentity(domain)));
  }

  /** Runs one call; an error with the code {@code done} (exists / gone) counts as success. */
  private <T> T call(String operation, String done, Supplier<CompletableFuture<T>> request) {
    limiter.acquire();
    try {
      return request.get().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AwsServiceException aws) {
        String code = aws.awsErrorDetails() == null ? "Unknown" : aws.awsErrorDetails().errorCode();
        if (code != null && code.equals(done)) {
          return null;
        }
        throw new SesCallException(operation, code, aws.statusCode(), aws.getMessage());
      }
      if (cause instanceof SdkException sdk) {
        throw new SesCallException(operation, "ClientError", 0, sdk.getMessage());
      }
      throw e;
    }
  }
}
