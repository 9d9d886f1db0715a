package io.isolane.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.unsubscribe.UnsubscribeToken;
import io.isolane.contracts.unsubscribe.UnsubscribeTokens;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8058 one-click unsubscribe with the signed, tenant-scoped token sending-service mints. */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class UnsubscribeTest {
  private static final String ONE_CLICK = "List-Unsubscribe=One-Click";
  private static final UnsubscribeTokens SIGNER =
      new UnsubscribeTokens("t1", Map.of("t1", FeedbackTestResources.UNSUBSCRIBE_SECRET));

  private TopicWatcher<Suppression> suppressions;
  private TopicWatcher<EmailEvent> events;

  @BeforeEach
  void watch() {
    suppressions = ContractKafka.watch(EventTypes.SUPPRESSION);
    events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
  }

  @AfterEach
  void close() {
    suppressions.close();
    events.close();
  }

  @Test
  void oneClickSuppressesTheRecipientForItsTenantOnlyWithinASecond() {
    String tenant = SampleEvents.newTenantId();
    String other = SampleEvents.newTenantId();
    String token = token(tenant, "Reader@Example.org", Instant.now());

    Instant clicked = Instant.now();
    given()
        .contentType("application/x-www-form-urlencoded")
        .body(ONE_CLICK)
        .post("/u/" + token)
        .then()
        .statusCode(200)
        .body(containsString("You will not receive these emails any more."));

    ContractEvent<Suppression> suppressed =
        suppressions.await(e -> e.subject().equals(tenant), Duration.ofSeconds(5));
    assertThat(Duration.between(clicked, Instant.now())).isLessThan(Duration.ofSeconds(1));
    assertThat(suppressed.data().address()).isEqualTo("reader@example.org");
    assertThat(suppressed.data().reason()).isEqualTo(SuppressionReason.UNSUBSCRIBE);
    EmailEvent unsubscribed =
        events
            .await(
                e -> e.subject().equals(tenant) && e.data().type() == EmailEventType.UNSUBSCRIBED)
            .data();
    assertThat(unsubscribed.messageId()).isEqualTo("msg-1");
    assertThat(unsubscribed.recipient()).isEqualTo("reader@example.org");
    assertThat(rows(tenant)).isEqualTo("1");
    assertThat(rows(other)).isEqualTo("0");
  }

  @Test
  void aSecondClickChangesNothingMore() {
    String tenant = SampleEvents.newTenantId();
    String token = token(tenant, "twice@example.org", Instant.now());
    post(token).then().statusCode(200);
    suppressions.await(e -> e.subject().equals(tenant));

    post(token).then().statusCode(200);

    assertThat(rows(tenant)).isEqualTo("1");
    events.await(e -> e.subject().equals(tenant) && e.data().type() == EmailEventType.UNSUBSCRIBED);
    long distinctIds =
        events.seen().stream()
            .filter(r -> tenant.equals(r.key()))
            .map(r -> new String(r.headers().lastHeader("ce_id").value()))
            .distinct()
            .count();
    assertThat(distinctIds)
        .as("one unsubscribed event id, however often it is clicked")
        .isEqualTo(1);
  }

  @Test
  void theLinkShowsAConfirmationPageAndChangesNothingUntilTheButton() {
    String tenant = SampleEvents.newTenantId();

    given()
        .get("/u/" + token(tenant, "looker@example.org", Instant.now()))
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<form method=\"post\">"))
        .body(containsString("name=\"List-Unsubscribe\" value=\"One-Click\""));

    assertThat(rows(tenant)).isEqualTo("0");
  }

  @Test
  void tamperedForeignOrExpiredLinksAreRefusedAndChangeNothing() {
    String tenant = SampleEvents.newTenantId();
    String valid = token(tenant, "victim@example.org", Instant.now());
    String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
    String foreign =
        new UnsubscribeTokens("t1", Map.of("t1", "a-secret-that-is-not-ours-0000000".getBytes()))
            .sign(new UnsubscribeToken(tenant, "victim@example.org", "m", Instant.now()));
    String expired = token(tenant, "victim@example.org", Instant.now().minus(Duration.ofDays(400)));

    post(tampered)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("token"))
        .body("detail", equalTo("bad signature"));
    post(foreign).then().statusCode(400).body("detail", equalTo("bad signature"));
    post("not-a-token").then().statusCode(400).body("detail", equalTo("not an unsubscribe token"));
    post(expired).then().statusCode(410).body("detail", containsString("expired"));
    given().get("/u/" + tampered).then().statusCode(400);
    given().get("/u/" + expired).then().statusCode(410);
    given()
        .contentType("text/plain")
        .body("")
        .post("/u/" + valid)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("List-Unsubscribe"));

    assertThat(rows(tenant)).isEqualTo("0");
  }

  private static io.restassured.response.Response post(String token) {
    return given()
        .contentType("application/x-www-form-urlencoded")
        .body(ONE_CLICK)
        .post("/u/" + token);
  }

  private static String token(String tenant, String recipient, Instant issuedAt) {
    return SIGNER.sign(new UnsubscribeToken(tenant, recipient, "msg-1", issuedAt));
  }

  private static String rows(String tenant) {
    return TestDatabase.queryString(
        "feedback", "SELECT count(*) FROM suppression WHERE tenant_id = ?", tenant);
  }
}
