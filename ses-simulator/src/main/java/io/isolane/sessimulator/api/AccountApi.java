package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.sending.SendQuota;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.util.Iterator;
import java.util.Set;

/**
 * GetAccount: sending status, quotas and account-level suppression settings. Also the simulator's
 * {@code GET}/{@code PUT /_simulator/account/sending-quota} ({@code {"maxSendRate": 500,
 * "max24HourSend": 10000000}}, each optional), which reads or changes the live send quota.
 */
public final class AccountApi {
  private static final String MAX_SEND_RATE = "maxSendRate";
  private static final String MAX_24_HOUR_SEND = "max24HourSend";
  private static final Set<String> QUOTA_MEMBERS = Set.of(MAX_SEND_RATE, MAX_24_HOUR_SEND);

  private final SesState state;
  private final SendQuota quota;

  public AccountApi(SesState state, SendQuota quota) {
    this.state = state;
    this.quota = quota;
  }

  public void mount(Router router) {
    router.get("/v2/email/account").handler(Handlers.json("GetAccount", this::get));
    router
        .get("/_simulator/account/sending-quota")
        .handler(Handlers.json(r -> sendingQuota(quota.snapshot())));
    router.put("/_simulator/account/sending-quota").handler(Handlers.json(this::changeQuota));
  }

  private ObjectNode get(Request request) {
    ObjectNode response =
        Json.object()
            .put("SendingEnabled", state.accountSendingEnabled)
            .put("ProductionAccessEnabled", true)
            .put("EnforcementStatus", "HEALTHY")
            .put("DedicatedIpAutoWarmupEnabled", true);
    SendQuota.Snapshot current = quota.snapshot();
    response
        .putObject("SendQuota")
        .put("Max24HourSend", current.max24HourSend())
        .put("MaxSendRate", current.maxSendRate())
        .put("SentLast24Hours", (double) current.sentLast24Hours());
    response
        .putObject("SuppressionAttributes")
        .set("SuppressedReasons", Json.array(state.accountSuppressedReasons));
    return response;
  }

  private ObjectNode changeQuota(Request request) {
    JsonNode body = request.body();
    if (!body.isObject()) {
      throw SesException.badRequest(
          "Body must be a JSON object with maxSendRate and/or max24HourSend.");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!QUOTA_MEMBERS.contains(name)) {
        throw SesException.badRequest(
            "Unknown member " + name + ": only maxSendRate and max24HourSend can be set.");
      }
    }
    Double maxSendRate = positive(body, MAX_SEND_RATE);
    Double max24HourSend = positive(body, MAX_24_HOUR_SEND);
    return sendingQuota(quota.change(maxSendRate, max24HourSend));
  }

  private static ObjectNode sendingQuota(SendQuota.Snapshot current) {
    return Json.object()
        .put(MAX_SEND_RATE, current.maxSendRate())
        .put(MAX_24_HOUR_SEND, current.max24HourSend())
        .put("sentLast24Hours", current.sentLast24Hours());
  }

  private static Double positive(JsonNode body, String member) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !(value.doubleValue() > 0) || Double.isInfinite(value.doubleValue())) {
      throw SesException.badRequest(member + " must be a positive number.");
    }
    return value.doubleValue();
  }
}
