package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resource's settings point at a live simulator (its SDK-level tests live in ses-simulator).
 */
class SesSimulatorResourceTest {

  @Test
  void settingsPointAtARunningSesEndpoint() throws Exception {
    Map<String, String> settings = new SesSimulatorResource().start();

    HttpResponse<String> account =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            settings.get("isolane.aws.endpoint-override") + "/v2/email/account"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("\"MaxSendRate\"");
    assertThat(settings).containsEntry("isolane.aws.region", "us-east-1");
    assertThat(new SesSimulatorResource().start()).isEqualTo(settings);
  }
}
