package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant-scoped API, authenticated with keys whose digests came on tenant.state. */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class WarmupApiTest {
  @Inject TestClock clock;

  private String tenant;
  private String mailbox;
  private WarmupEvents.Key admin;
  private WarmupEvents.Key reader;

  @BeforeEach
  void tenantWithOneMailbox() {
    tenant = SampleEvents.newTenantId();
    mailbox = WarmupEvents.mailbox("ana", tenant);
    admin = WarmupEvents.Key.of("read", "admin");
    reader = WarmupEvents.Key.of("read");
    ContractKafka.publish(
        WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(admin, reader), mailbox));
    awaitEnrolled(tenant, mailbox);
  }

  @Test
  void presetsAreListedWithTheirTablesOfDayToCap() {
    as(reader)
        .get("/v1/warmup/plans")
        .then()
        .statusCode(200)
        .body("name", hasItem("cold-outreach"))
        .body("find { it.name == 'cold-outreach' }.steps[0].dailyCap", equalTo(20))
        .body("find { it.name == 'cold-outreach' }.target", equalTo(50))
        .body("find { it.name == 'bulk-domain' }.kind", equalTo("domain"))
        .body("find { it.name == 'bulk-domain' }.steps.dailyCap", hasItem(5000));
  }

  @Test
  void invalidCustomPlansAreRefusedFieldByField() {
    as(admin)
        .body(
            """
            {"name": "Bad Name", "kind": "ip",
             "steps": [{"fromDay": 2, "dailyCap": 10}, {"fromDay": 2, "dailyCap": 5}]}
            """)
        .post("/v1/warmup/plans")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            containsInAnyOrder(
                "name", "kind", "steps[0].fromDay", "steps[1].fromDay", "steps[1].dailyCap"));
    as(admin)
        .body("{\"name\": \"slow\", \"kind\": \"mailbox\", \"start\": 10, \"growthFactor\": 0.5}")
        .post("/v1/warmup/plans")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("growthFactor", "target"));
    as(reader)
        .body("{\"name\": \"mine\", \"kind\": \"mailbox\", \"steps\": []}")
        .post("/v1/warmup/plans")
        .then()
        .statusCode(403);
  }

  @Test
  void customPlanIsAssignedAndNeverJumpsMoreThanDoubleADay() {
    as(admin)
        .body(
            """
            {"name": "fast-lane", "kind": "mailbox",
             "steps": [{"fromDay": 1, "dailyCap": 20}, {"fromDay": 2, "dailyCap": 500},
                       {"fromDay": 3, "dailyCap": 2000}]}
            """)
        .post("/v1/warmup/plans")
        .then()
        .statusCode(201)
        .body("steps", hasSize(3));
    as(admin)
        .body(
            "{\"name\": \"grow\", \"kind\": \"mailbox\", \"start\": 20, \"growthFactor\": 1.5, \"everyDays\": 3, \"target\": 60}")
        .post("/v1/warmup/plans")
        .then()
        .statusCode(201)
        .body("steps.fromDay", equalTo(List.of(1, 4, 7, 10)))
        .body("steps.dailyCap", equalTo(List.of(20, 30, 45, 60)));
    as(reader).get("/v1/warmup/plans").then().body("name", hasItem("fast-lane"));
    as(admin)
        .body(
            "{\"name\": \"fast-lane\", \"kind\": \"mailbox\", \"start\": 1, \"growthFactor\": 2, \"target\": 4}")
        .post("/v1/warmup/plans")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("name"));

    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      as(admin)
          .body("{\"plan\": \"fast-lane\"}")
          .put("/v1/warmup/senders/" + mailbox)
          .then()
          .statusCode(200)
          .body("plan", equalTo("fast-lane"))
          .body("dailyCap", equalTo(20));
      List<Integer> caps = new ArrayList<>(List.of(20));
      for (int day = 0; day < 7; day++) {
        ContractKafka.publishAll(
            WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, 2, clock.instant()));
        clock.advanceDays(1);
        var today = clock.today();
        MailboxLimits l =
            limits
                .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(today))
                .data();
        caps.add(l.dailyCap());
        if (l.dailyCap() < 2000) {
          assertThat(l.reason()).contains("limited to 2.0x the last cap");
        }
      }
      // the plan asks 500 then 2,000 from day 2: the cap doubles at most, day after day
      assertThat(caps).containsExactly(20, 40, 80, 160, 320, 640, 1280, 2000);
    }
  }

  @Test
  void importedSenderStartsAtItsStageAndStatusShowsHistoryAndSentToday() {
    ContractKafka.publishAll(
        WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, 4, clock.instant()));
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      as(admin)
          .body("{\"plan\": \"cold-outreach\", \"stage\": 5, \"timeZone\": \"Europe/Lisbon\"}")
          .put("/v1/warmup/senders/" + mailbox.toUpperCase())
          .then()
          .statusCode(200)
          .body("stage", equalTo(5))
          .body("dailyCap", equalTo(43))
          .body("timeZone", equalTo("Europe/Lisbon"));
      MailboxLimits imported =
          limits.await(e -> e.data().mailbox().equals(mailbox) && e.data().stage() == 5).data();
      assertThat(imported.dailyCap()).isEqualTo(43);
      assertThat(imported.reason()).isEqualTo("imported at stage 5 of cold-outreach");
      assertThat(imported.window().timeZone()).isEqualTo("Europe/Lisbon");
    }
    TestDatabase.awaitValue(
        "4",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sum(sent) FROM send_day WHERE tenant_id = ? AND mailbox = ?",
        tenant,
        mailbox);
    as(reader)
        .get("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(200)
        .body("kind", equalTo("mailbox"))
        .body("stages", equalTo(6))
        .body("target", equalTo(50))
        .body("history.decision", equalTo(List.of("enrolled", "imported")))
        .body("history[1].reason", equalTo("imported at stage 5 of cold-outreach"))
        .body("history[1].dailyCap", equalTo(43));
    as(reader)
        .get("/v1/warmup/senders")
        .then()
        .statusCode(200)
        .body("sender", equalTo(List.of(mailbox)));
    as(admin)
        .body("{\"stage\": 9}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("stage"));
    as(admin)
        .body("{\"plan\": \"bulk-domain\", \"timeZone\": \"Mars/Olympus\"}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("timeZone")));
    as(admin)
        .body("{\"plan\": \"bulk-domain\"}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(422)
        .body("errors[0].message", startsWith("is a domain plan"));
    as(admin)
        .body("{\"plan\": \"nope\"}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("plan"));
  }

  @Test
  void pausedWarmUpHoldsUntilResumed() {
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      as(admin)
          .post("/v1/warmup/senders/" + mailbox + "/pause")
          .then()
          .statusCode(200)
          .body("paused", equalTo(true));
      for (int day = 0; day < 8; day++) {
        clock.advanceDays(1);
        var today = clock.today();
        MailboxLimits held =
            limits
                .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(today))
                .data();
        assertThat(held.dailyCap()).isEqualTo(20);
        assertThat(held.reason()).isEqualTo("held: warm-up paused by the tenant");
      }
      as(admin)
          .post("/v1/warmup/senders/" + mailbox + "/resume")
          .then()
          .statusCode(200)
          .body("paused", equalTo(false));
      ContractKafka.publishAll(
          WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, 2, clock.instant()));
      clock.advanceDays(1);
      var today = clock.today();
      MailboxLimits resumed =
          limits
              .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(today))
              .data();
      assertThat(resumed.reason()).startsWith("advanced: day 2");
    }
  }

  @Test
  void newMailboxesAreEnrolledInTheTenantsDefaultPlan() {
    as(admin)
        .body(
            """
            {"name": "gentle", "kind": "mailbox",
             "steps": [{"fromDay": 1, "dailyCap": 10}, {"fromDay": 8, "dailyCap": 15}]}
            """)
        .post("/v1/warmup/plans")
        .then()
        .statusCode(201);
    as(admin)
        .body("{\"mailboxPlan\": \"bulk-domain\"}")
        .put("/v1/warmup/defaults")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("mailboxPlan"));
    as(admin)
        .body("{\"mailboxPlan\": \"gentle\"}")
        .put("/v1/warmup/defaults")
        .then()
        .statusCode(200)
        .body("mailboxPlan", equalTo("gentle"))
        .body("domainPlan", equalTo("bulk-domain"));
    as(reader)
        .get("/v1/warmup/defaults")
        .then()
        .statusCode(200)
        .body("mailboxPlan", equalTo("gentle"));

    String second = WarmupEvents.mailbox("rui", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(
          WarmupEvents.state(
              tenant, IsolationTier.ISOLATED, 2, List.of(admin, reader), mailbox, second));
      MailboxLimits first = limits.await(e -> e.data().mailbox().equals(second)).data();
      assertThat(first.dailyCap()).isEqualTo(10);
      assertThat(first.reason()).isEqualTo("enrolled: gentle stage 1");
    }
    as(reader).get("/v1/warmup/senders/" + mailbox).then().body("plan", equalTo("cold-outreach"));
  }

  @Test
  void aSendersDaysFollowItsTimeZone() {
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      // 10:00 UTC is already midnight of the next day at UTC+14: that day is computed at once
      as(admin)
          .body("{\"timeZone\": \"Pacific/Kiritimati\"}")
          .put("/v1/warmup/senders/" + mailbox)
          .then()
          .statusCode(200)
          .body("today", equalTo(clock.today().plusDays(1).toString()));
      var tomorrow = clock.today().plusDays(1);
      MailboxLimits next =
          limits
              .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(tomorrow))
              .data();
      assertThat(next.window().timeZone()).isEqualTo("Pacific/Kiritimati");
      assertThat(next.reason()).startsWith("advanced: day 2");
    }
  }

  @Test
  void aDedicatedTenantsDomainCountsTheSendsOfItsMailboxes() {
    String dedicated = SampleEvents.newTenantId();
    WarmupEvents.Key key = WarmupEvents.Key.of("read");
    String ana = WarmupEvents.mailbox("ana", dedicated);
    String rui = WarmupEvents.mailbox("rui", dedicated);
    ContractKafka.publish(
        WarmupEvents.state(dedicated, IsolationTier.DEDICATED, 1, List.of(key), ana, rui));
    String domain = WarmupEvents.domain(dedicated);
    awaitEnrolled(dedicated, domain);
    ContractKafka.publishAll(
        WarmupEvents.emails(dedicated, ana, EmailEventType.SENT, 3, clock.instant()));
    ContractKafka.publishAll(
        WarmupEvents.emails(dedicated, rui, EmailEventType.SENT, 2, clock.instant()));
    TestDatabase.awaitValue(
        "5",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sum(sent) FROM send_day WHERE tenant_id = ?",
        dedicated);
    as(key)
        .get("/v1/warmup/senders/" + domain)
        .then()
        .statusCode(200)
        .body("kind", equalTo("domain"))
        .body("plan", equalTo("bulk-domain"))
        .body("dailyCap", equalTo(100))
        .body("sentToday", equalTo(5));
    as(key).get("/v1/warmup/senders/" + ana).then().body("sentToday", equalTo(3));
  }

  @Test
  void anotherTenantsKeyCannotSeeOrChangeTheseSenders() {
    String other = SampleEvents.newTenantId();
    WarmupEvents.Key otherAdmin = WarmupEvents.Key.of("read", "admin");
    String otherMailbox = WarmupEvents.mailbox("zoe", other);
    ContractKafka.publish(
        WarmupEvents.state(other, IsolationTier.ISOLATED, 1, List.of(otherAdmin), otherMailbox));
    awaitEnrolled(other, otherMailbox);

    as(otherAdmin)
        .get("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(otherAdmin).post("/v1/warmup/senders/" + mailbox + "/pause").then().statusCode(404);
    as(otherAdmin)
        .body("{\"stage\": 6}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(404);
    as(otherAdmin)
        .get("/v1/warmup/senders")
        .then()
        .statusCode(200)
        .body("sender", equalTo(List.of(otherMailbox)));
    as(admin)
        .body(
            "{\"name\": \"private-plan\", \"kind\": \"mailbox\", \"steps\": [{\"fromDay\": 1, \"dailyCap\": 5}]}")
        .post("/v1/warmup/plans")
        .then()
        .statusCode(201);
    as(otherAdmin).get("/v1/warmup/plans").then().body("name", not(hasItem("private-plan")));
    as(otherAdmin)
        .body("{\"plan\": \"private-plan\"}")
        .put("/v1/warmup/senders/" + otherMailbox)
        .then()
        .statusCode(422);

    as(reader)
        .get("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(200)
        .body("paused", equalTo(false))
        .body("stage", equalTo(1));
    given()
        .get("/v1/warmup/senders")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer isk_00000000000000000000_" + "a".repeat(43))
        .get("/v1/warmup/senders")
        .then()
        .statusCode(401);
  }

  private static RequestSpecification as(WarmupEvents.Key key) {
    return given().header("Authorization", key.bearer()).contentType(ContentType.JSON);
  }

  private static void awaitEnrolled(String tenant, String sender) {
    TestDatabase.awaitValue(
        "1",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT count(*) FROM sender_warmup s WHERE s.tenant_id = ? AND s.sender = ?"
            + " AND EXISTS (SELECT 1 FROM api_key k WHERE k.tenant_id = s.tenant_id)",
        tenant,
        sender);
  }
}
