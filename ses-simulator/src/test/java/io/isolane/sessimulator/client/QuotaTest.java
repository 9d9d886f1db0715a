package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** Both limits count recipients, not messages. */
class QuotaTest {

  @Test
  void sendRateIsEnforcedPerRecipient() {
    try (SesSimulator simulator =
            SesSimulator.start(SimulatorConfig.defaults().withQuota(3, 1000));
        SesV2AsyncClient ses = Simulators.client(simulator)) {
      call(() -> ses.createEmailIdentity(r -> r.emailIdentity("acme.example")));

      call(() -> ses.sendEmail(r -> to(r, "a@x.example", "b@x.example")));
      assertThatThrownBy(() -> call(() -> ses.sendEmail(r -> to(r, "c@x.example", "d@x.example"))))
          .isInstanceOf(TooManyRequestsException.class)
          .hasMessageContaining("Maximum sending rate exceeded.")
          .satisfies(e -> assertThat(((TooManyRequestsException) e).statusCode()).isEqualTo(429));
    }
  }

  @Test
  void dailyQuotaIsEnforcedPerRecipientAndReported() {
    try (SesSimulator simulator =
            SesSimulator.start(SimulatorConfig.defaults().withQuota(1000, 3));
        SesV2AsyncClient ses = Simulators.client(simulator)) {
      call(() -> ses.createEmailIdentity(r -> r.emailIdentity("acme.example")));

      call(() -> ses.sendEmail(r -> to(r, "a@x.example", "b@x.example")));
      assertThat(call(() -> ses.getAccount(r -> {})).sendQuota().sentLast24Hours()).isEqualTo(2.0);
      assertThatThrownBy(() -> call(() -> ses.sendEmail(r -> to(r, "c@x.example", "d@x.example"))))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("Daily message quota exceeded.");
    }
  }

  private static SendEmailRequest.Builder to(SendEmailRequest.Builder r, String... to) {
    return r.fromEmailAddress("ana@acme.example")
        .destination(d -> d.toAddresses(to))
        .content(
            c -> c.simple(m -> m.subject(s -> s.data("s")).body(b -> b.text(t -> t.data("b")))));
  }
}
