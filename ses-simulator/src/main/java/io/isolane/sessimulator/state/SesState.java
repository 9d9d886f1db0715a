package io.isolane.sessimulator.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Everything an SES account holds in the simulator. Names are case-sensitive except addresses. */
public final class SesState {
  public final Map<String, Identity> identities = new ConcurrentHashMap<>();
  public final Map<String, ConfigurationSet> configurationSets = new ConcurrentHashMap<>();
  public final Map<String, SesTenant> tenants = new ConcurrentHashMap<>();
  public final Map<String, Suppressed> accountSuppression = new ConcurrentHashMap<>();
  public final Map<String, Map<String, Suppressed>> tenantSuppression = new ConcurrentHashMap<>();
  public final Map<String, Map<String, String>> dedicatedIpPools = new ConcurrentHashMap<>();
  public final Map<String, DedicatedIp> dedicatedIps = new ConcurrentHashMap<>();

  /** Email templates by name: TemplateContent JSON (Subject, Text, Html). */
  public final Map<String, com.fasterxml.jackson.databind.JsonNode> templates =
      new ConcurrentHashMap<>();

  /** The latest sent messages, for the read API. */
  public final History<SentMessage> sent = new History<>(10_000);

  /** Every recent send without its content (the last 1,000,000): what load tests count. */
  public final History<SendRecord> sendLog = new History<>(1_000_000);

  /** The latest published events, for the read API. */
  public final History<EmittedEvent> events = new History<>(10_000);

  /** Reasons the account-level suppression list applies to (BOUNCE, COMPLAINT). */
  public volatile List<String> accountSuppressedReasons = List.of("BOUNCE", "COMPLAINT");

  public volatile boolean accountSendingEnabled = true;

  /** The tenant-level list of a tenant, created on first use. */
  public Map<String, Suppressed> tenantList(String tenantName) {
    return tenantSuppression.computeIfAbsent(tenantName, t -> new ConcurrentHashMap<>());
  }
}
