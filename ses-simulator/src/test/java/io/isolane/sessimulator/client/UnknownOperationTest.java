package io.isolane.sessimulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.sessimulator.SesSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** No SDK call reaches an unimplemented path, so this one speaks plain HTTP. */
class UnknownOperationTest {

  @Test
  void unknownOperationIsAnSesErrorNotA200() throws Exception {
    try (SesSimulator simulator = Simulators.start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(simulator.endpoint() + "/v2/email/vdm"))
                      .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("x-amzn-ErrorType"))
          .hasValue("UnknownOperationException");
      assertThat(response.body()).contains("\"message\"");
    }
  }
}
