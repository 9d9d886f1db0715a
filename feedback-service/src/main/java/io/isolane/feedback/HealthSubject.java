package io.isolane.feedback;

import io.isolane.contracts.events.SenderHealth;
import java.util.Locale;

/**
 * What health is watched for: a tenant (target empty), one of its sending domains, mailboxes, or a
 * recipient domain its mail goes to.
 *
 * @param scope what kind of sender
 * @param target the mailbox address or domain, lower case; empty for the tenant
 */
public record HealthSubject(SenderHealth.Scope scope, String target) {
  public static final HealthSubject TENANT = new HealthSubject(SenderHealth.Scope.TENANT, "");

  public static HealthSubject mailbox(String address) {
    return new HealthSubject(SenderHealth.Scope.MAILBOX, address.toLowerCase(Locale.ROOT));
  }

  public static HealthSubject sendingDomain(String domain) {
    return new HealthSubject(SenderHealth.Scope.SENDING_DOMAIN, domain.toLowerCase(Locale.ROOT));
  }

  public static HealthSubject recipientDomain(String domain) {
    return new HealthSubject(SenderHealth.Scope.RECIPIENT_DOMAIN, domain.toLowerCase(Locale.ROOT));
  }

  /** The domain part of an address ("" when there is none). */
  public static String domainOf(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this subject is part of {@code wider} (a mailbox of a domain, anything of the tenant).
   */
  public boolean within(HealthSubject wider) {
    return switch (wider.scope()) {
      case TENANT ->
          scope != SenderHealth.Scope.TENANT && scope != SenderHealth.Scope.RECIPIENT_DOMAIN;
      case SENDING_DOMAIN ->
          scope == SenderHealth.Scope.MAILBOX && domainOf(target).equals(wider.target());
      default -> false;
    };
  }
}
