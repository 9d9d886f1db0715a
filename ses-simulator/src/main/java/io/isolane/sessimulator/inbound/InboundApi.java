package io.isolane.sessimulator.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * Inbound mail: {@code PUT /_simulator/inbound/rules/{domain}} sets a receipt rule with an SNS
 * action ({@code {"TopicArn": ..., "Encoding": "UTF-8"|"Base64"}}); {@code POST
 * /_simulator/inbound} takes a raw RFC 5322 message and delivers it as SES would.
 */
public final class InboundApi {
  private final Receiver receiver;

  public InboundApi(Receiver receiver) {
    this.receiver = receiver;
  }

  public void mount(Router router) {
    router.put("/_simulator/inbound/rules/:Domain").handler(Handlers.json(this::putRule));
    router.delete("/_simulator/inbound/rules/:Domain").handler(Handlers.json(this::deleteRule));
    router.post("/_simulator/inbound").handler(Handlers.plain(this::receive));
  }

  private ObjectNode putRule(Request request) {
    String topic = Json.required(request.body(), "TopicArn");
    boolean base64 = "Base64".equalsIgnoreCase(request.body().path("Encoding").asText("UTF-8"));
    receiver.rule(new ReceiptRule(request.path("Domain"), topic, base64));
    return Json.object();
  }

  private ObjectNode deleteRule(Request request) {
    if (!receiver.removeRule(request.path("Domain"))) {
      throw SesException.notFound("No receipt rule for " + request.path("Domain") + ".");
    }
    return Json.object();
  }

  private ObjectNode receive(io.vertx.ext.web.RoutingContext ctx) {
    if (ctx.body().buffer() == null) {
      throw SesException.badRequest("A raw RFC 5322 message is required.");
    }
    List<String> matched = receiver.receive(ctx.body().buffer().getBytes());
    ObjectNode response = Json.object();
    response.set("Recipients", Json.array(matched));
    return response;
  }
}
