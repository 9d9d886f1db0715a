package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.sending.SendQuota;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.vertx.ext.web.Router;

/** GetAccount: sending status, quotas and account-level suppression settings. */
public final class AccountApi {
  private final SesState state;
  private final SendQuota quota;

  public AccountApi(SesState state, SendQuota quota) {
    this.state = state;
    this.quota = quota;
  }

  public void mount(Router router) {
    router.get("/v2/email/account").handler(Handlers.json("GetAccount", this::get));
  }

  private ObjectNode get(Request request) {
    ObjectNode response =
        Json.object()
            .put("SendingEnabled", state.accountSendingEnabled)
            .put("ProductionAccessEnabled", true)
            .put("EnforcementStatus", "HEALTHY")
            .put("DedicatedIpAutoWarmupEnabled", true);
    response
        .putObject("SendQuota")
        .put("Max24HourSend", quota.max24HourSend())
        .put("MaxSendRate", quota.maxSendRate())
        .put("SentLast24Hours", (double) quota.sentLast24Hours());
    response
        .putObject("SuppressionAttributes")
        .set("SuppressedReasons", Json.array(state.accountSuppressedReasons));
    return response;
  }
}
