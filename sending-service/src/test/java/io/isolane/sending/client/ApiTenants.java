package io.isolane.sending.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestApiKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tenants for the HTTP API tests: provisioned in the SES simulator like {@link SesTenants} does,
 * then announced on tenant.state with API keys (as tenant-service publishes them: digests only), a
 * second mailbox on a domain that is not ready, and the given status.
 */
final class ApiTenants {
  private ApiTenants() {}

  /**
   * A tenant and its keys.
   *
   * @param id tenant id
   * @param mailbox its mailbox on a ready domain
   * @param coldMailbox its mailbox on a domain that is not ready
   * @param key scopes send and read
   * @param readKey scope read only
   * @param sendKey scope send only
   */
  record Tenant(
      String id, String mailbox, String coldMailbox, String key, String readKey, String sendKey) {
    /** Every key with its scopes. */
    Map<String, List<String>> keys() {
      Map<String, List<String>> keys = new LinkedHashMap<>();
      keys.put(key, List.of("read", "send"));
      keys.put(readKey, List.of("read"));
      keys.put(sendKey, List.of("send"));
      return keys;
    }
  }

  /** An active tenant whose keys already authenticate. */
  static Tenant provision(int maxPerSecond, int maxPerDay) {
    String id = SampleEvents.newTenantId();
    String mailbox = SesTenants.provision(id, maxPerSecond, maxPerDay); // state version 1
    Tenant tenant =
        new Tenant(id, mailbox, "bob@cold." + id + ".example", newKey(), newKey(), newKey());
    publish(tenant, TenantStatus.ACTIVE, 2, tenant.keys());
    awaitStatus(tenant.key(), 200);
    return tenant;
  }

  /** Publishes a new state of the tenant with only these keys live. */
  static void publish(
      Tenant tenant, TenantStatus status, long version, Map<String, List<String>> keys) {
    String domain = "mail." + tenant.id() + ".example";
    String cold = "cold." + tenant.id() + ".example";
    List<TenantState.ApiKeyDigest> digests = new ArrayList<>();
    keys.forEach((key, scopes) -> digests.add(digest(key, scopes)));
    TenantState state =
        new TenantState(
            tenant.id(),
            "Tenant " + tenant.id(),
            IsolationTier.ISOLATED,
            status,
            "test",
            "test",
            new TenantState.SendingLimits(50, 100_000),
            "isl-" + tenant.id(),
            List.of(
                new TenantState.SendingStream(
                    Stream.TRANSACTIONAL, SesTenants.set(tenant.id(), Stream.TRANSACTIONAL), null),
                new TenantState.SendingStream(
                    Stream.MARKETING, SesTenants.set(tenant.id(), Stream.MARKETING), null)),
            List.of(
                new TenantState.Domain(domain, Stream.MARKETING, true, "bounce." + domain),
                new TenantState.Domain(cold, Stream.MARKETING, false, null)),
            List.of(
                new TenantState.Mailbox(
                    tenant.mailbox(), "Ana Tester", MailboxStatus.ACTIVE, null, null),
                new TenantState.Mailbox(
                    tenant.coldMailbox(), "Bob", MailboxStatus.WARMING, null, null)),
            digests,
            version,
            Instant.now());
    ContractKafka.publish(ContractEvent.of(EventTypes.TENANT_STATE, "/test", state));
  }

  /** Waits until {@code GET /v1/queue} with the key answers {@code status}. */
  static void awaitStatus(String key, int status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given().header("Authorization", "Bearer " + key).get("/v1/queue").statusCode()
                    == status);
  }

  /** A key in tenant-service's format. */
  static String newKey() {
    return TestApiKeys.newKey();
  }

  static String keyId(String key) {
    return TestApiKeys.keyId(key);
  }

  private static TenantState.ApiKeyDigest digest(String key, List<String> scopes) {
    return TestApiKeys.digest(key, scopes);
  }
}
