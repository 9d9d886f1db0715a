package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.DomainLimits;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sending domain's cap reaches domain.limits (real topic) at every kind of decision: enrolment,
 * the daily run, an API change and a health cut.
 */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class DomainLimitsTest {
  @Inject TestClock clock;

  @Test
  void aDomainsCapIsPublishedOnDomainLimitsAtEveryDecision() {
    String tenant = SampleEvents.newTenantId();
    String domain = WarmupEvents.domain(tenant);
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    try (TopicWatcher<DomainLimits> limits = ContractKafka.watch(EventTypes.DOMAIN_LIMITS)) {
      ContractKafka.publish(
          WarmupEvents.state(
              tenant,
              IsolationTier.DEDICATED,
              1,
              List.of(admin),
              "ana@" + domain,
              "rui@" + domain));

      ContractEvent<DomainLimits> enrolled = limits.await(e -> e.subject().equals(tenant));
      assertThat(enrolled.key()).isEqualTo(tenant + "/" + domain);
      assertThat(enrolled.id()).matches("warmup-decision-\\d+");
      assertThat(enrolled.data())
          .extracting(
              DomainLimits::domain,
              DomainLimits::day,
              DomainLimits::dailyCap,
              DomainLimits::stage,
              DomainLimits::timeZone,
              DomainLimits::reason)
          .containsExactly(domain, clock.today(), 100, 1, "UTC", "enrolled: bulk-domain stage 1");

      clock.advanceDays(1);
      LocalDate day2 = clock.today();
      DomainLimits daily =
          limits.await(e -> e.subject().equals(tenant) && e.data().day().equals(day2)).data();
      assertThat(daily.dailyCap()).isEqualTo(100); // bulk-domain day 2
      assertThat(daily.reason()).startsWith("advanced");

      given()
          .header("Authorization", admin.bearer())
          .contentType(ContentType.JSON)
          .body("{\"stage\": 3}")
          .put("/v1/warmup/senders/" + domain)
          .then()
          .statusCode(200);
      DomainLimits imported =
          limits.await(e -> e.subject().equals(tenant) && e.data().stage() == 3).data();
      assertThat(imported.dailyCap()).isEqualTo(350);
      assertThat(imported.reason()).isEqualTo("imported at stage 3 of bulk-domain");

      ContractKafka.publish(
          WarmupEvents.health(
              tenant,
              SenderHealth.Scope.SENDING_DOMAIN,
              domain,
              SenderHealth.Status.BREACH,
              "complaint rate 1.0% over 200 sends",
              clock.instant()));
      DomainLimits cut =
          limits
              .await(e -> e.subject().equals(tenant) && e.data().reason().startsWith("cut back"))
              .data();
      assertThat(cut.dailyCap()).isEqualTo(100); // half of 350, back to stage 1
      assertThat(cut.stage()).isEqualTo(1);
      assertThat(cut.day()).isEqualTo(day2);
      assertThat(cut.reason()).contains("complaint rate 1.0%");
    }
  }
}
