package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.SesSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.EventDestination;
import software.amazon.awssdk.services.sesv2.model.EventType;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

class ConfigurationSetTest {
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() {
    simulator = Simulators.start();
    ses = Simulators.client(simulator);
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void createdSetKeepsItsOptions() {
    call(() -> ses.createDedicatedIpPool(r -> r.poolName("acme-pool")));
    call(
        () ->
            ses.createConfigurationSet(
                r ->
                    r.configurationSetName("acme-marketing")
                        .sendingOptions(s -> s.sendingEnabled(true))
                        .suppressionOptions(s -> s.suppressedReasons(SuppressionListReason.BOUNCE))
                        .deliveryOptions(d -> d.sendingPoolName("acme-pool"))
                        .tags(t -> t.key("tenant").value("acme"))));

    GetConfigurationSetResponse set =
        call(() -> ses.getConfigurationSet(r -> r.configurationSetName("acme-marketing")));
    assertThat(set.configurationSetName()).isEqualTo("acme-marketing");
    assertThat(set.sendingOptions().sendingEnabled()).isTrue();
    assertThat(set.suppressionOptions().suppressedReasons())
        .containsExactly(SuppressionListReason.BOUNCE);
    assertThat(set.deliveryOptions().sendingPoolName()).isEqualTo("acme-pool");
    assertThat(set.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("acme"));
  }

  @Test
  void sendingSuppressionAndDeliveryOptionsCanBeChanged() {
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("switchable")));

    call(
        () ->
            ses.putConfigurationSetSendingOptions(
                r -> r.configurationSetName("switchable").sendingEnabled(false)));
    call(
        () ->
            ses.putConfigurationSetSuppressionOptions(
                r ->
                    r.configurationSetName("switchable")
                        .suppressedReasons(
                            SuppressionListReason.BOUNCE, SuppressionListReason.COMPLAINT)));

    GetConfigurationSetResponse set =
        call(() -> ses.getConfigurationSet(r -> r.configurationSetName("switchable")));
    assertThat(set.sendingOptions().sendingEnabled()).isFalse();
    assertThat(set.suppressionOptions().suppressedReasons()).hasSize(2);
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.putConfigurationSetDeliveryOptions(
                            r ->
                                r.configurationSetName("switchable")
                                    .sendingPoolName("no-such-pool"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void snsEventDestinationsAreListedAndDeleted() {
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("with-events")));
    String topic = "arn:aws:sns:us-east-1:123456789012:ses-events";
    call(
        () ->
            ses.createConfigurationSetEventDestination(
                r ->
                    r.configurationSetName("with-events")
                        .eventDestinationName("to-sns")
                        .eventDestination(
                            d ->
                                d.enabled(true)
                                    .matchingEventTypes(EventType.SEND, EventType.BOUNCE)
                                    .snsDestination(s -> s.topicArn(topic)))));

    EventDestination listed =
        call(() ->
                ses.getConfigurationSetEventDestinations(
                    r -> r.configurationSetName("with-events")))
            .eventDestinations()
            .get(0);
    assertThat(listed.name()).isEqualTo("to-sns");
    assertThat(listed.enabled()).isTrue();
    assertThat(listed.matchingEventTypes()).containsExactly(EventType.SEND, EventType.BOUNCE);
    assertThat(listed.snsDestination().topicArn()).isEqualTo(topic);

    call(
        () ->
            ses.deleteConfigurationSetEventDestination(
                r -> r.configurationSetName("with-events").eventDestinationName("to-sns")));
    assertThat(
            call(() ->
                    ses.getConfigurationSetEventDestinations(
                        r -> r.configurationSetName("with-events")))
                .eventDestinations())
        .isEmpty();
  }

  @Test
  void destinationWithoutEventTypesIsABadRequest() {
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("bad-destination")));

    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.createConfigurationSetEventDestination(
                            r ->
                                r.configurationSetName("bad-destination")
                                    .eventDestinationName("empty")
                                    .eventDestination(d -> d.enabled(true)))))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void duplicateAndMissingSetsFailLikeSes() {
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("once")));

    assertThatThrownBy(
            () -> call(() -> ses.createConfigurationSet(r -> r.configurationSetName("once"))))
        .isInstanceOf(AlreadyExistsException.class);
    call(() -> ses.deleteConfigurationSet(r -> r.configurationSetName("once")));
    assertThatThrownBy(
            () -> call(() -> ses.getConfigurationSet(r -> r.configurationSetName("once"))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> call(() -> ses.deleteConfigurationSet(r -> r.configurationSetName("once"))))
        .isInstanceOf(NotFoundException.class);
  }
}
