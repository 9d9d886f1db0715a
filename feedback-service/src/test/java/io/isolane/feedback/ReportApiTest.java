package io.isolane.feedback;

import static io.isolane.feedback.HealthFlowTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.testkit.ContractKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reports are per tenant, from counters kept as events arrive. */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class ReportApiTest {
  private static final EmailEvent.Bounce HARD =
      new EmailEvent.Bounce("permanent", "General", "550 5.1.1 user unknown", "userunknown");

  @Test
  void aDaysActivityIsReportedInTotalAndPerRecipientDomainAndMailbox() {
    ApiTenants a = ApiTenants.provision();
    ApiTenants b = ApiTenants.provision();
    String ana = "ana@mail." + a.id() + ".example";
    ContractKafka.publishAll(
        List.of(
            event(a.id(), ana, EmailEventType.SENT, null, null),
            event(a.id(), ana, EmailEventType.SENT, null, null),
            event(a.id(), ana, EmailEventType.SENT, null, null),
            event(a.id(), ana, EmailEventType.DELIVERED, "x@gmail.com", null),
            event(a.id(), ana, EmailEventType.DELIVERED, "y@outlook.com", null),
            event(a.id(), ana, EmailEventType.BOUNCED, "z@gmail.com", HARD),
            event(a.id(), ana, EmailEventType.COMPLAINED, "y@outlook.com", null),
            event(a.id(), ana, EmailEventType.OPENED, "x@gmail.com", null),
            event(b.id(), "bob@mail." + b.id() + ".example", EmailEventType.SENT, null, null)));
    ContractKafka.publish(reply(a.id(), ana, "x@gmail.com", ReplyCategory.INTERESTED));

    // A's events are in order on one partition: once the open and the reply are counted, all are
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonPath p = a.readOnly().get("/v1/reports/activity").jsonPath();
              return Integer.valueOf(1).equals(p.get("rows[0].opened"))
                  && Integer.valueOf(1).equals(p.get("rows[0].replied.total"));
            });
    JsonPath total =
        a.readOnly().get("/v1/reports/activity").then().statusCode(200).extract().jsonPath();
    assertThat(total.getList("rows")).hasSize(1);
    assertThat(total.getString("rows[0].period"))
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(total.getInt("rows[0].sent")).isEqualTo(3);
    assertThat(total.getInt("rows[0].delivered")).isEqualTo(2);
    assertThat(total.getInt("rows[0].bounced.hard")).isEqualTo(1);
    assertThat(total.getInt("rows[0].bounced.byReason.userunknown")).isEqualTo(1);
    assertThat(total.getInt("rows[0].complained")).isEqualTo(1);
    assertThat(total.getInt("rows[0].opened")).isEqualTo(1);
    assertThat(total.getInt("rows[0].replied.byCategory.interested")).isEqualTo(1);

    JsonPath byDomain =
        a.readOnly().queryParam("by", "recipient_domain").get("/v1/reports/activity").jsonPath();
    assertThat(byDomain.getList("rows.key")).containsExactly("", "gmail.com", "outlook.com");
    assertThat(byDomain.getInt("rows[1].delivered")).isEqualTo(1);
    assertThat(byDomain.getInt("rows[1].bounced.hard")).isEqualTo(1);
    assertThat(byDomain.getInt("rows[2].complained")).isEqualTo(1);
    a.readOnly()
        .queryParam("by", "mailbox")
        .get("/v1/reports/activity")
        .then()
        .body("rows[0].key", equalTo(ana))
        .body("rows[0].sent", equalTo(3));
    a.readOnly()
        .queryParam("by", "sending_domain")
        .queryParam("granularity", "hour")
        .get("/v1/reports/activity")
        .then()
        .body("rows[0].key", equalTo("mail." + a.id() + ".example"))
        .body(
            "rows[0].period",
            org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:00"));

    // tenant B sees its own single send and nothing of A's
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> b.readOnly().get("/v1/reports/activity").jsonPath().getList("rows").size() == 1);
    JsonPath other = b.readOnly().get("/v1/reports/activity").jsonPath();
    assertThat(other.getInt("rows[0].sent")).isEqualTo(1);
    assertThat(other.getInt("rows[0].delivered")).isZero();
  }

  @Test
  void badParametersNameTheField() {
    ApiTenants t = ApiTenants.provision();
    check(t, "tz", "Mars/Olympus", "tz");
    check(t, "granularity", "week", "granularity");
    check(t, "by", "campaign", "by");
    check(t, "from", "yesterday", "from");
    t.readOnly()
        .queryParam("from", "2026-01-01")
        .queryParam("to", "2026-02-01")
        .queryParam("granularity", "hour")
        .get("/v1/reports/activity")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
    t.readOnly()
        .queryParam("from", "2026-02-01")
        .queryParam("to", "2026-01-01")
        .get("/v1/reports/activity")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
  }

  private static void check(ApiTenants t, String param, String value, String field) {
    t.readOnly()
        .queryParam(param, value)
        .get("/v1/reports/activity")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field));
  }

  private static ContractEvent<ReplyClassified> reply(
      String tenant, String mailbox, String sender, ReplyCategory category) {
    return ContractEvent.of(
        EventTypes.REPLY_CLASSIFIED,
        "/test",
        new ReplyClassified(
            "reply-" + UUID.randomUUID(),
            tenant,
            mailbox,
            sender,
            null,
            category,
            0.9,
            "en",
            null,
            Instant.now()));
  }
}
