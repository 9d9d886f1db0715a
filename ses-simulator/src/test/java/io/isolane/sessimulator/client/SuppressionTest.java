package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.SesSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SuppressedDestination;
import software.amazon.awssdk.services.sesv2.model.SuppressedDestinationSummary;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

class SuppressionTest {
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() {
    simulator = Simulators.start();
    ses = Simulators.client(simulator);
    call(() -> ses.createTenant(r -> r.tenantName("acme")));
    call(() -> ses.createTenant(r -> r.tenantName("globex")));
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void accountLevelListStoresGetsListsAndDeletes() {
    call(
        () ->
            ses.putSuppressedDestination(
                r -> r.emailAddress("Gone@Example.org").reason(SuppressionListReason.BOUNCE)));

    SuppressedDestination entry =
        call(() -> ses.getSuppressedDestination(r -> r.emailAddress("gone@example.org")))
            .suppressedDestination();
    assertThat(entry.emailAddress()).isEqualTo("gone@example.org");
    assertThat(entry.reason()).isEqualTo(SuppressionListReason.BOUNCE);
    assertThat(entry.lastUpdateTime()).isNotNull();
    assertThat(
            call(() -> ses.listSuppressedDestinations(r -> r.reasons(SuppressionListReason.BOUNCE)))
                .suppressedDestinationSummaries())
        .extracting(SuppressedDestinationSummary::emailAddress)
        .contains("gone@example.org");

    call(() -> ses.deleteSuppressedDestination(r -> r.emailAddress("gone@example.org")));
    assertThatThrownBy(
            () -> call(() -> ses.getSuppressedDestination(r -> r.emailAddress("gone@example.org"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void tenantListsAreSeparateFromEachOtherAndFromTheAccount() {
    call(
        () ->
            ses.putSuppressedDestination(
                r ->
                    r.emailAddress("angry@example.org")
                        .reason(SuppressionListReason.COMPLAINT)
                        .tenantName("acme")));

    assertThat(
            call(() ->
                    ses.getSuppressedDestination(
                        r -> r.emailAddress("angry@example.org").tenantName("acme")))
                .suppressedDestination()
                .reason())
        .isEqualTo(SuppressionListReason.COMPLAINT);
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.getSuppressedDestination(
                            r -> r.emailAddress("angry@example.org").tenantName("globex"))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                call(() -> ses.getSuppressedDestination(r -> r.emailAddress("angry@example.org"))))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            call(() -> ses.listSuppressedDestinations(r -> r.tenantName("globex")))
                .suppressedDestinationSummaries())
        .isEmpty();
  }
}
