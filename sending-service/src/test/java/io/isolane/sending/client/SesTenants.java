package io.isolane.sending.client;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.client.SesTenantSetup;
import io.isolane.testkit.client.SimulatorClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;

/**
 * Tenants as tenant-service would leave them: provisioned in the SES simulator through the real SDK
 * (SES tenant, a configuration set per stream, a verified domain, associations) and announced on
 * tenant.state.
 */
final class SesTenants {
  private SesTenants() {}

  static SesV2AsyncClient ses() {
    return SimulatorClients.sesV2();
  }

  /** Provisions the tenant in SES and publishes its state: active, with one mailbox. */
  static String provision(String tenantId, int maxPerSecond, int maxPerDay) {
    SesTenantSetup.provision(
        "isl-" + tenantId,
        domain(tenantId),
        java.util.Arrays.stream(Stream.values()).map(s -> set(tenantId, s)).toList());
    publish(tenantId, TenantStatus.ACTIVE, 1, maxPerSecond, maxPerDay);
    return mailbox(tenantId);
  }

  /** Publishes a new state of the tenant (status and limits). */
  static void publish(
      String tenantId, TenantStatus status, long version, int perSecond, int perDay) {
    publish(tenantId, status, version, perSecond, perDay, List.of(mailbox(tenantId)));
  }

  /** Publishes a new state of the tenant with these (active) mailboxes on its domain. */
  static void publish(
      String tenantId,
      TenantStatus status,
      long version,
      int perSecond,
      int perDay,
      List<String> mailboxes) {
    String domain = "mail." + tenantId + ".example";
    TenantState state =
        new TenantState(
            tenantId,
            "Tenant " + tenantId,
            IsolationTier.ISOLATED,
            status,
            "test",
            "test",
            new TenantState.SendingLimits(perSecond, perDay),
            "isl-" + tenantId,
            List.of(
                new TenantState.SendingStream(
                    Stream.TRANSACTIONAL, set(tenantId, Stream.TRANSACTIONAL), null),
                new TenantState.SendingStream(
                    Stream.MARKETING, set(tenantId, Stream.MARKETING), null)),
            List.of(new TenantState.Domain(domain, Stream.MARKETING, true, "bounce." + domain)),
            mailboxes.stream()
                .map(
                    m -> new TenantState.Mailbox(m, "Ana Tester", MailboxStatus.ACTIVE, null, null))
                .toList(),
            List.of(),
            version,
            Instant.now());
    ContractKafka.publish(ContractEvent.of(EventTypes.TENANT_STATE, "/test", state));
  }

  /** Waits until sending-service has applied the tenant's state (version or newer). */
  static void awaitLane(String tenantId, long version) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () -> {
              String v =
                  io.isolane.testkit.TestDatabase.queryString(
                      "sending",
                      "SELECT coalesce(max(state_version), 0) FROM tenant_lane WHERE tenant_id = ?",
                      tenantId);
              return Long.parseLong(v) >= version;
            });
  }

  static String mailbox(String tenantId) {
    return mailbox("ana", tenantId);
  }

  /** A mailbox of the tenant's one domain. */
  static String mailbox(String name, String tenantId) {
    return name + "@" + domain(tenantId);
  }

  static String domain(String tenantId) {
    return "mail." + tenantId + ".example";
  }

  static String set(String tenantId, Stream stream) {
    return "isl-" + tenantId + "-" + stream.name().toLowerCase();
  }

  /** A send request of the tenant to one recipient. */
  static ContractEvent<SendRequest> request(String tenantId, String messageId, Stream stream) {
    return request(tenantId, messageId, stream, null);
  }

  static ContractEvent<SendRequest> request(
      String tenantId, String messageId, Stream stream, Instant expiresAt) {
    return request(
        tenantId,
        messageId,
        stream,
        expiresAt,
        List.of("success+" + messageId + "@simulator.amazonses.com"),
        List.of());
  }

  /** A send request of the tenant to {@code to} and {@code cc}. */
  static ContractEvent<SendRequest> request(
      String tenantId,
      String messageId,
      Stream stream,
      Instant expiresAt,
      List<String> to,
      List<String> cc) {
    return request(tenantId, mailbox(tenantId), messageId, stream, expiresAt, to, cc);
  }

  /** A send request from one of the tenant's mailboxes to one recipient. */
  static ContractEvent<SendRequest> from(String tenantId, String mailbox, String messageId) {
    List<String> to = List.of("success+" + messageId + "@simulator.amazonses.com");
    return request(tenantId, mailbox, messageId, Stream.MARKETING, null, to, List.of());
  }

  private static ContractEvent<SendRequest> request(
      String tenantId,
      String mailbox,
      String messageId,
      Stream stream,
      Instant expiresAt,
      List<String> to,
      List<String> cc) {
    SendRequest request =
        new SendRequest(
            messageId,
            tenantId,
            mailbox,
            stream,
            to,
            cc,
            List.of(),
            List.of(),
            "Hello " + messageId,
            new SendRequest.Content("Hi", "<p>Hi</p>"),
            null,
            Map.of(),
            Map.of("campaign", "spring"),
            "spring-2026",
            null,
            null,
            expiresAt,
            Instant.now());
    return ContractEvent.of(EventTypes.SEND_REQUEST, "/test", request);
  }

  /** What the simulator recorded as sent for the tenant. */
  static List<SentMessage> sent(String tenantId) {
    return SesSimulatorResource.simulator().state().sent.stream()
        .filter(m -> ("isl-" + tenantId).equals(m.tenantName()))
        .toList();
  }
}
