package io.isolane.sessimulator.web;

import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS action names of the operations the simulator implements. Every SES v2 route is tagged
 * with one of them ({@link Handlers#json(String, java.util.function.Function)}), SNS uses its
 * {@code Action} parameter; fault injection, call counts and control-plane throttling key on them.
 */
public final class Operations {
  /** SES v2 operations, as routed. */
  public static final Set<String> SES =
      Set.of(
          "GetAccount",
          "CreateEmailIdentity",
          "GetEmailIdentity",
          "DeleteEmailIdentity",
          "PutEmailIdentityMailFromAttributes",
          "CreateConfigurationSet",
          "GetConfigurationSet",
          "DeleteConfigurationSet",
          "PutConfigurationSetSendingOptions",
          "PutConfigurationSetSuppressionOptions",
          "PutConfigurationSetDeliveryOptions",
          "CreateConfigurationSetEventDestination",
          "GetConfigurationSetEventDestinations",
          "DeleteConfigurationSetEventDestination",
          "CreateTenant",
          "GetTenant",
          "ListTenants",
          "DeleteTenant",
          "CreateTenantResourceAssociation",
          "DeleteTenantResourceAssociation",
          "ListTenantResources",
          "PutSuppressedDestination",
          "GetSuppressedDestination",
          "DeleteSuppressedDestination",
          "ListSuppressedDestinations",
          "CreateDedicatedIpPool",
          "DeleteDedicatedIpPool",
          "ListDedicatedIpPools",
          "GetDedicatedIp",
          "GetDedicatedIps",
          "PutDedicatedIpWarmupAttributes",
          "CreateEmailTemplate",
          "GetEmailTemplate",
          "DeleteEmailTemplate",
          "SendEmail",
          "SendBulkEmail");

  /** SNS Query API actions. */
  public static final Set<String> SNS =
      Set.of(
          "CreateTopic",
          "DeleteTopic",
          "ListTopics",
          "GetTopicAttributes",
          "SetTopicAttributes",
          "Subscribe",
          "ConfirmSubscription",
          "Unsubscribe",
          "ListSubscriptionsByTopic",
          "Publish");

  /** SES operations outside the control-plane rate: sending has its own limit. */
  private static final Set<String> UNTHROTTLED = Set.of("SendEmail", "SendBulkEmail", "GetAccount");

  private Operations() {}

  /** Whether {@code name} is an SES v2 or SNS operation the simulator implements. */
  public static boolean known(String name) {
    return SES.contains(name) || SNS.contains(name);
  }

  /**
   * Whether the control-plane rate applies: every SES v2 operation except sending and GetAccount.
   */
  public static boolean controlPlane(String name) {
    return SES.contains(name) && !UNTHROTTLED.contains(name);
  }

  /** All known names, sorted (for error messages). */
  public static Set<String> all() {
    Set<String> all = new TreeSet<>(SES);
    all.addAll(SNS);
    return all;
  }
}
