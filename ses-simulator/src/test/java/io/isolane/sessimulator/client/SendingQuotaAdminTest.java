package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.JSON;
import static io.isolane.sessimulator.client.Simulators.adminPut;
import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.sessimulator.SesSimulator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendQuota;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * The account's send quota changed at runtime ({@code PUT /_simulator/account/sending-quota} and
 * {@code SesSimulator.setSendingQuota}), seen through the real SDK client. Starts at the defaults:
 * 14 recipients/s, 50,000 per 24 hours.
 */
class SendingQuotaAdminTest {
  private static final String PATH = "/_simulator/account/sending-quota";

  SesSimulator simulator;
  SesV2AsyncClient ses;

  @BeforeEach
  void start() {
    simulator = Simulators.start();
    ses = Simulators.client(simulator);
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("acme.example")));
  }

  @AfterEach
  void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void raisedRateLetsThroughABurstTheOldRateThrottledAndGetAccountReportsIt() throws Exception {
    String[] twenty = recipients(20);
    assertThatThrownBy(() -> call(() -> ses.sendEmail(r -> to(r, twenty))))
        .isInstanceOf(TooManyRequestsException.class);

    HttpResponse<String> changed =
        adminPut(simulator, PATH, "{\"maxSendRate\": 500, \"max24HourSend\": 10000000}");
    assertThat(changed.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(changed.body());
    assertThat(body.path("maxSendRate").asDouble()).isEqualTo(500.0);
    assertThat(body.path("max24HourSend").asDouble()).isEqualTo(10_000_000.0);

    List<CompletableFuture<SendEmailResponse>> burst = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String to = "burst" + i + "@x.example";
      burst.add(ses.sendEmail(r -> to(r, to)));
    }
    CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).join();
    assertThat(call(() -> ses.sendEmail(r -> to(r, twenty))).messageId()).isNotBlank();

    SendQuota reported = call(() -> ses.getAccount(r -> {})).sendQuota();
    assertThat(reported.maxSendRate()).isEqualTo(500.0);
    assertThat(reported.max24HourSend()).isEqualTo(10_000_000.0);
    assertThat(reported.sentLast24Hours()).isEqualTo(60.0);

    JsonNode current = JSON.readTree(Simulators.get(simulator.endpoint() + PATH).body());
    assertThat(current.path("maxSendRate").asDouble()).isEqualTo(500.0);
    assertThat(current.path("max24HourSend").asDouble()).isEqualTo(10_000_000.0);
    assertThat(current.path("sentLast24Hours").asLong()).isEqualTo(60);
  }

  @Test
  void loweredRateThrottlesAQuickBurstAndShrinksTheBucket() throws Exception {
    assertThat(adminPut(simulator, PATH, "{\"maxSendRate\": 2}").statusCode()).isEqualTo(200);

    List<CompletableFuture<SendEmailResponse>> burst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String to = "burst" + i + "@x.example";
      burst.add(ses.sendEmail(r -> to(r, to)));
    }
    int accepted = 0;
    List<Throwable> refused = new ArrayList<>();
    for (CompletableFuture<SendEmailResponse> send : burst) {
      try {
        send.join();
        accepted++;
      } catch (CompletionException e) {
        refused.add(e.getCause());
      }
    }
    assertThat(accepted).isBetween(1, 5);
    assertThat(refused)
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        TooManyRequestsException.class,
                        t -> assertThat(t.statusCode()).isEqualTo(429))
                    .hasMessageContaining("Maximum sending rate exceeded."));
    // the bucket holds one second at the new rate: three recipients never fit, however long we wait
    assertThatThrownBy(() -> call(() -> ses.sendEmail(r -> to(r, recipients(3)))))
        .isInstanceOf(TooManyRequestsException.class)
        .hasMessageContaining("Maximum sending rate exceeded.");

    SendQuota reported = call(() -> ses.getAccount(r -> {})).sendQuota();
    assertThat(reported.maxSendRate()).isEqualTo(2.0);
    assertThat(reported.max24HourSend()).isEqualTo(50_000.0);
  }

  @Test
  void dailyQuotaLoweredBelowWhatWasSentFailsTheNextSendUntilRaisedInTheJvm() throws Exception {
    call(() -> ses.sendEmail(r -> to(r, recipients(3))));

    assertThat(adminPut(simulator, PATH, "{\"max24HourSend\": 2}").statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> call(() -> ses.sendEmail(r -> to(r, "late@x.example"))))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("Daily message quota exceeded.");
    SendQuota lowered = call(() -> ses.getAccount(r -> {})).sendQuota();
    assertThat(lowered.max24HourSend()).isEqualTo(2.0);
    assertThat(lowered.maxSendRate()).isEqualTo(14.0);
    assertThat(lowered.sentLast24Hours()).isEqualTo(3.0);

    io.isolane.sessimulator.sending.SendQuota.Snapshot raised = simulator.setSendingQuota(20, 100);
    assertThat(raised.max24HourSend()).isEqualTo(100.0);
    assertThat(raised.sentLast24Hours()).isEqualTo(3);
    assertThat(call(() -> ses.sendEmail(r -> to(r, "late@x.example"))).messageId()).isNotBlank();
    SendQuota reported = call(() -> ses.getAccount(r -> {})).sendQuota();
    assertThat(reported.maxSendRate()).isEqualTo(20.0);
    assertThat(reported.max24HourSend()).isEqualTo(100.0);
    assertThat(reported.sentLast24Hours()).isEqualTo(4.0);
  }

  @Test
  void invalidBodiesGet400AndChangeNothing() throws Exception {
    for (String invalid :
        List.of(
            "{\"maxSendRate\": 0}",
            "{\"maxSendRate\": -5}",
            "{\"max24HourSend\": \"lots\"}",
            "{\"maxSendRate\": true}",
            "{\"maxSendRate\": 1e400}",
            "{\"maxSendRate\": 500, \"max24HourSend\": 0}",
            "{\"MaxSendRate\": 500}",
            "[500]",
            "not json")) {
      HttpResponse<String> refused = adminPut(simulator, PATH, invalid);
      assertThat(refused.statusCode()).as(invalid).isEqualTo(400);
      assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
      assertThat(JSON.readTree(refused.body()).path("message").asText()).as(invalid).isNotBlank();
    }
    assertThatThrownBy(() -> simulator.setSendingQuota(0, 100))
        .isInstanceOf(IllegalArgumentException.class);

    HttpResponse<String> unchanged = adminPut(simulator, PATH, "{}");
    assertThat(unchanged.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(unchanged.body()).path("maxSendRate").asDouble()).isEqualTo(14.0);
    SendQuota reported = call(() -> ses.getAccount(r -> {})).sendQuota();
    assertThat(reported.maxSendRate()).isEqualTo(14.0);
    assertThat(reported.max24HourSend()).isEqualTo(50_000.0);
  }

  private static String[] recipients(int count) {
    String[] to = new String[count];
    for (int i = 0; i < count; i++) {
      to[i] = "r" + i + "@x.example";
    }
    return to;
  }

  private static SendEmailRequest.Builder to(SendEmailRequest.Builder r, String... to) {
    return r.fromEmailAddress("ana@acme.example")
        .destination(d -> d.toAddresses(to))
        .content(
            c -> c.simple(m -> m.subject(s -> s.data("s")).body(b -> b.text(t -> t.data("b")))));
  }
}
