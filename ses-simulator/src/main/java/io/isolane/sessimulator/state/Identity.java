package io.isolane.sessimulator.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A verified-or-not sending identity: a domain (Easy DKIM) or an email address. */
public final class Identity {
  public final String name;
  public final boolean domain;
  public final List<String> dkimTokens;
  public final Instant createdAt;
  public final Map<String, String> tags;
  public volatile String configurationSetName;
  public volatile String mailFromDomain;
  public volatile String behaviorOnMxFailure = "USE_DEFAULT_VALUE";

  public Identity(
      String name,
      boolean domain,
      List<String> dkimTokens,
      Instant createdAt,
      Map<String, String> tags,
      String configurationSetName) {
    this.name = name;
    this.domain = domain;
    this.dkimTokens = List.copyOf(dkimTokens);
    this.createdAt = createdAt;
    this.tags = Map.copyOf(tags);
    this.configurationSetName = configurationSetName;
  }
}
