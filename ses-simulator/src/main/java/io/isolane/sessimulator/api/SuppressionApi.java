package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.state.Suppressed;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Account-level and tenant-level suppression lists ({@code TenantName} selects the tenant's). */
public final class SuppressionApi {
  private static final String BASE = "/v2/email/suppression/addresses";
  private static final Set<String> REASONS = Set.of("BOUNCE", "COMPLAINT");

  private final SesState state;

  public SuppressionApi(SesState state) {
    this.state = state;
  }

  public void mount(Router router) {
    router.put(BASE).handler(Handlers.json("PutSuppressedDestination", this::put));
    router.get(BASE).handler(Handlers.json("ListSuppressedDestinations", this::list));
    router
        .get(BASE + "/:EmailAddress")
        .handler(Handlers.json("GetSuppressedDestination", this::get));
    router
        .delete(BASE + "/:EmailAddress")
        .handler(Handlers.json("DeleteSuppressedDestination", this::delete));
  }

  private ObjectNode put(Request request) {
    String address = Json.required(request.body(), "EmailAddress").toLowerCase(Locale.ROOT);
    String reason = Json.required(request.body(), "Reason");
    if (!REASONS.contains(reason)) {
      throw SesException.badRequest("Reason must be BOUNCE or COMPLAINT.");
    }
    list(Json.optional(request.body(), "TenantName"))
        .put(address, new Suppressed(address, reason, Instant.now(), null, null));
    return Json.object();
  }

  private ObjectNode get(Request request) {
    Suppressed entry = find(request);
    ObjectNode response = Json.object();
    ObjectNode item =
        response
            .putObject("SuppressedDestination")
            .put("EmailAddress", entry.address())
            .put("Reason", entry.reason())
            .put("LastUpdateTime", Json.timestamp(entry.lastUpdate()));
    if (entry.messageId() != null) {
      item.putObject("Attributes")
          .put("MessageId", entry.messageId())
          .put("FeedbackId", entry.feedbackId());
    }
    return response;
  }

  private ObjectNode delete(Request request) {
    Suppressed entry = find(request);
    list(request.query("TenantName")).remove(entry.address());
    return Json.object();
  }

  private ObjectNode list(Request request) {
    List<String> reasons = request.ctx().queryParam("Reason");
    List<Suppressed> sorted =
        list(request.query("TenantName")).values().stream()
            .filter(s -> reasons.isEmpty() || reasons.contains(s.reason()))
            .sorted(Comparator.comparing(Suppressed::address))
            .toList();
    String size = request.query("PageSize");
    Pages<Suppressed> page =
        Pages.of(
            sorted, request.query("NextToken"), size == null ? null : Integer.valueOf(size), 1000);
    ObjectNode response = Json.object();
    ArrayNode summaries = response.putArray("SuppressedDestinationSummaries");
    page.items()
        .forEach(
            s ->
                summaries
                    .addObject()
                    .put("EmailAddress", s.address())
                    .put("Reason", s.reason())
                    .put("LastUpdateTime", Json.timestamp(s.lastUpdate())));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  private Suppressed find(Request request) {
    String address = request.path("EmailAddress").toLowerCase(Locale.ROOT);
    Suppressed entry = list(request.query("TenantName")).get(address);
    if (entry == null) {
      throw SesException.notFound(address + " is not on the suppression list.");
    }
    return entry;
  }

  private Map<String, Suppressed> list(String tenantName) {
    if (tenantName == null) {
      return state.accountSuppression;
    }
    if (!state.tenants.containsKey(tenantName)) {
      throw SesException.notFound("Tenant " + tenantName + " does not exist.");
    }
    return state.tenantList(tenantName);
  }
}
