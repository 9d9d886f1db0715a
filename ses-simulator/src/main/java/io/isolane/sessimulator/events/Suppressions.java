package io.isolane.sessimulator.events;

import io.isolane.sessimulator.state.ConfigurationSet;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.state.Suppressed;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The account- and tenant-level suppression lists as sending sees them. */
final class Suppressions {
  private final SesState state;

  Suppressions(SesState state) {
    this.state = state;
  }

  /**
   * The bounce subtype for a listed recipient (OnTenantSuppressionList, OnAccountSuppressionList),
   * or null when the recipient may be mailed. The configuration set's suppressed reasons, when set,
   * replace the account's.
   */
  String listedOn(String tenantName, ConfigurationSet set, String recipient) {
    List<String> reasons = reasons(set);
    if (tenantName != null && listed(state.tenantSuppression.get(tenantName), recipient, reasons)) {
      return "OnTenantSuppressionList";
    }
    return listed(state.accountSuppression, recipient, reasons) ? "OnAccountSuppressionList" : null;
  }

  /** Lists a recipient after a hard bounce or complaint, as SES does, unless it is simulated. */
  void remember(
      EventPublisher.Accepted message, ConfigurationSet set, String recipient, String reason) {
    if (recipient.endsWith("@" + OutcomeModel.SIMULATOR_DOMAIN) || !reasons(set).contains(reason)) {
      return;
    }
    String tenant = message.email().tenantName();
    Map<String, Suppressed> list =
        tenant != null && state.tenants.containsKey(tenant)
            ? state.tenantList(tenant)
            : state.accountSuppression;
    list.putIfAbsent(
        recipient, new Suppressed(recipient, reason, Instant.now(), message.messageId(), null));
  }

  private List<String> reasons(ConfigurationSet set) {
    return set != null && set.suppressedReasons != null
        ? set.suppressedReasons
        : state.accountSuppressedReasons;
  }

  private static boolean listed(
      Map<String, Suppressed> list, String recipient, List<String> reasons) {
    if (list == null) {
      return false;
    }
    Suppressed entry = list.get(recipient);
    return entry != null && reasons.contains(entry.reason());
  }
}
