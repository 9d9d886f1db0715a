package io.isolane.tenant;

import static io.isolane.tenant.TenantFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Domains from DNS records to ready (and back), and mailboxes on ready domains. */
@QuarkusTest
@WithTestResource(TenantTestResources.class)
class DomainAndMailboxTest {

  @Test
  void aDomainListsItsRecordsAndBecomesReadyOnceDnsPasses() {
    String id = TenantFixtures.activeTenant("isolated");
    String domain = "mail." + id + ".example.com";
    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      JsonPath added = TenantFixtures.domainWithTokens(id, domain, "marketing");
      List<Map<String, String>> records = added.getList("dnsRecords");
      assertThat(records).hasSize(6);
      assertThat(records)
          .filteredOn(r -> r.get("type").equals("CNAME"))
          .allSatisfy(
              r -> {
                assertThat(r.get("name")).endsWith("._domainkey." + domain);
                assertThat(r.get("value")).endsWith(".dkim.amazonses.com");
              });
      assertThat(records)
          .contains(
              Map.of(
                  "type", "MX",
                  "name", "bounce." + domain,
                  "value", "10 feedback-smtp.us-east-1.amazonses.com"),
              Map.of(
                  "type", "TXT",
                  "name", "bounce." + domain,
                  "value", "v=spf1 include:amazonses.com ~all"),
              Map.of(
                  "type", "TXT",
                  "name", "_dmarc." + domain,
                  "value", "v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain));

      // nothing published yet: the scheduled verification finds it pending
      JsonPath unverified =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> TenantFixtures.domain(id, domain), d -> d.get("verification") != null);
      assertThat(unverified.getString("status")).isEqualTo("pending");
      assertThat(unverified.getList("verification.checks.status")).contains("missing");

      TenantFixtures.publishRecords(added);
      verifyNow(id, domain).body("status", equalTo("ready"));
      assertThat(TenantFixtures.domain(id, domain).getList("verification.checks.status"))
          .containsOnly("pass");
      TenantState ready =
          states
              .await(
                  e ->
                      e.subject().equals(id)
                          && e.data().domains().stream().anyMatch(TenantState.Domain::ready))
              .data();
      assertThat(ready.domains())
          .containsExactly(
              new TenantState.Domain(domain, Stream.MARKETING, true, "bounce." + domain));

      // a removed DKIM record flips the domain back, and that is published too
      TenantTestResources.dns().remove(records.get(0).get("name"), "CNAME");
      verifyNow(id, domain).body("status", equalTo("pending"));
      states.await(
          e ->
              e.subject().equals(id)
                  && e.data().version() > ready.version()
                  && e.data().domains().stream().noneMatch(TenantState.Domain::ready));
    }
  }

  @Test
  void misalignedDmarcKeepsTheDomainPending() {
    String id = TenantFixtures.activeTenant("shared");
    String domain = "news." + id + ".example.org";
    JsonPath added = TenantFixtures.domainWithTokens(id, domain, "marketing");
    TenantFixtures.publishRecords(added);
    List<Map<String, String>> records = added.getList("dnsRecords");
    // strict SPF alignment cannot hold for bounce.<domain>, and without DKIM nothing aligns
    TenantTestResources.dns().remove("_dmarc." + domain, "TXT");
    TenantTestResources.dns().add("_dmarc." + domain, "TXT", "v=DMARC1; p=reject; aspf=s; adkim=s");
    records.stream()
        .filter(r -> r.get("type").equals("CNAME"))
        .forEach(r -> TenantTestResources.dns().remove(r.get("name"), "CNAME"));

    JsonPath result = verifyNow(id, domain).extract().jsonPath();
    assertThat(result.getString("status")).isEqualTo("pending");
    assertThat(
            result.getString("verification.checks.find { it.check == 'dmarc_alignment' }.status"))
        .isEqualTo("fail");
  }

  @Test
  void mailboxesLiveOnReadyDomainsAndArePublished() {
    String id = TenantFixtures.activeTenant("isolated");
    String domain = "send." + id + ".example.com";
    String pendingDomain = "later." + id + ".example.com";
    TenantFixtures.readyDomain(id, domain, "transactional");
    TenantFixtures.domainWithTokens(id, pendingDomain, "marketing");

    addMailbox(id, Map.of("address", "ana@" + pendingDomain))
        .statusCode(409)
        .body("type", endsWith("/domain-not-ready"));
    addMailbox(id, Map.of("address", "ana@elsewhere.example"))
        .statusCode(422)
        .body("errors[0].field", equalTo("address"));
    addMailbox(id, Map.of("address", "not an address"))
        .statusCode(422)
        .body("errors[0].field", equalTo("address"));
    addMailbox(id, Map.of("address", "a".repeat(65) + "@" + domain))
        .statusCode(422)
        .body("errors[0].field", equalTo("address"));

    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      addMailbox(
              id,
              Map.of("address", "ana@" + domain, "displayName", "Ana", "replyTo", "help@" + domain))
          .statusCode(201)
          .body("status", equalTo("warming"));
      TenantState state =
          states.await(e -> e.subject().equals(id) && !e.data().mailboxes().isEmpty()).data();
      assertThat(state.mailboxes())
          .containsExactly(
              new TenantState.Mailbox(
                  "ana@" + domain, "Ana", MailboxStatus.WARMING, "new mailbox", "help@" + domain));

      given()
          .header("Authorization", ADMIN)
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "too many bounces"))
          .post("/v1/tenants/" + id + "/mailboxes/ana@" + domain + "/pause")
          .then()
          .statusCode(200)
          .body("status", equalTo("paused"));
      states.await(
          e ->
              e.subject().equals(id)
                  && e.data().mailboxes().stream()
                      .anyMatch(m -> m.status() == MailboxStatus.PAUSED));

      given()
          .header("Authorization", ADMIN)
          .delete("/v1/tenants/" + id + "/domains/" + domain)
          .then()
          .statusCode(409)
          .body("type", endsWith("/domain-in-use"));
      given()
          .header("Authorization", ADMIN)
          .delete("/v1/tenants/" + id + "/mailboxes/ana@" + domain)
          .then()
          .statusCode(204);
      states.await(e -> e.subject().equals(id) && e.data().mailboxes().isEmpty());
    }
    given()
        .header("Authorization", ADMIN)
        .get("/v1/tenants/" + id + "/mailboxes")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void aRemovedDomainLosesItsSesIdentityAndLeavesTheState() {
    String id = TenantFixtures.activeTenant("isolated");
    String domain = "old." + id + ".example.com";
    TenantFixtures.domainWithTokens(id, domain, "marketing");
    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      given()
          .header("Authorization", ADMIN)
          .delete("/v1/tenants/" + id + "/domains/" + domain)
          .then()
          .statusCode(202)
          .body("status", equalTo("removing"));
      states.await(e -> e.subject().equals(id) && e.data().domains().isEmpty());
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                given()
                    .header("Authorization", ADMIN)
                    .get("/v1/tenants/" + id + "/domains/" + domain)
                    .statusCode(),
            status -> status == 404);
  }

  @Test
  void internationalDomainNamesAreStoredAsALabels() {
    String id = TenantFixtures.activeTenant("shared");
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Bücher.example", "stream", "marketing"))
        .post("/v1/tenants/" + id + "/domains")
        .then()
        .statusCode(202)
        .body("name", equalTo("xn--bcher-kva.example"));
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "no_underscores.example", "stream", "marketing"))
        .post("/v1/tenants/" + id + "/domains")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("name"));
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "ok.example", "stream", "bulk"))
        .post("/v1/tenants/" + id + "/domains")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("stream"));
  }

  private static io.restassured.response.ValidatableResponse verifyNow(String id, String domain) {
    return given()
        .header("Authorization", ADMIN)
        .post("/v1/tenants/" + id + "/domains/" + domain + "/verify")
        .then()
        .statusCode(200);
  }

  private static io.restassured.response.ValidatableResponse addMailbox(
      String id, Map<String, String> body) {
    return given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants/" + id + "/mailboxes")
        .then();
  }
}
