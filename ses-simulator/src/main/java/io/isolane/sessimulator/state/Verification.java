package io.isolane.sessimulator.state;

import io.isolane.sessimulator.SimulatorConfig;
import java.util.Locale;

/** Decides, from the DNS view, whether identities and MAIL FROM domains are verified. */
public final class Verification {
  private final SimulatorConfig config;
  private final SesState state;

  public Verification(SimulatorConfig config, SesState state) {
    this.config = config;
    this.state = state;
  }

  /** SUCCESS or PENDING. Address identities verify at once, as if their link had been clicked. */
  public String status(Identity identity) {
    if (!identity.domain) {
      return "SUCCESS";
    }
    boolean published =
        identity.dkimTokens.stream()
            .allMatch(
                t ->
                    config
                        .dns()
                        .has(
                            "CNAME",
                            t + "._domainkey." + identity.name,
                            t + ".dkim.amazonses.com"));
    return published ? "SUCCESS" : "PENDING";
  }

  public boolean verified(Identity identity) {
    return "SUCCESS".equals(status(identity));
  }

  /** SUCCESS when the MAIL FROM domain's MX points at SES feedback, else PENDING; null if none. */
  public String mailFromStatus(Identity identity) {
    if (identity.mailFromDomain == null) {
      return null;
    }
    String mx = "feedback-smtp." + config.region() + ".amazonses.com";
    return config.dns().has("MX", identity.mailFromDomain, mx) ? "SUCCESS" : "PENDING";
  }

  /**
   * The identity that authorises {@code address} as a From address: the address itself or its
   * domain or a parent domain, verified; null when none does.
   */
  public Identity sendingIdentity(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    Identity exact = state.identities.get(lower);
    if (exact != null && verified(exact)) {
      return exact;
    }
    String domain = lower.substring(lower.indexOf('@') + 1);
    while (domain.contains(".")) {
      Identity candidate = state.identities.get(domain);
      if (candidate != null && verified(candidate)) {
        return candidate;
      }
      domain = domain.substring(domain.indexOf('.') + 1);
    }
    return null;
  }
}
