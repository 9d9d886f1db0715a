package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warm-up plans and the tenant's default plan, through the tenant-scoped API. */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class WarmupPlansApiTest extends WarmupApiFixture {
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
}
