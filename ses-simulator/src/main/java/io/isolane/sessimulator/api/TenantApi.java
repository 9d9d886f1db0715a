package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.state.SesTenant;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SES tenants and their resource associations, plus an admin endpoint that sets a tenant's sending
 * status as SES's reputation policy would.
 */
public final class TenantApi {
  private static final Set<String> STATUSES = Set.of("ENABLED", "REINSTATED", "DISABLED");

  private final SimulatorConfig config;
  private final SesState state;

  public TenantApi(SimulatorConfig config, SesState state) {
    this.config = config;
    this.state = state;
  }

  public void mount(Router router) {
    router.post("/v2/email/tenants").handler(Handlers.json("CreateTenant", this::create));
    router.post("/v2/email/tenants/get").handler(Handlers.json("GetTenant", this::get));
    router.post("/v2/email/tenants/list").handler(Handlers.json("ListTenants", this::list));
    router.post("/v2/email/tenants/delete").handler(Handlers.json("DeleteTenant", this::delete));
    router
        .post("/v2/email/tenants/resources")
        .handler(Handlers.json("CreateTenantResourceAssociation", this::associate));
    router
        .post("/v2/email/tenants/resources/delete")
        .handler(Handlers.json("DeleteTenantResourceAssociation", this::dissociate));
    router
        .post("/v2/email/tenants/resources/list")
        .handler(Handlers.json("ListTenantResources", this::resources));
    router
        .put("/_simulator/tenants/:TenantName/sending-status")
        .handler(Handlers.json(this::setSendingStatus));
  }

  private ObjectNode create(Request request) {
    String name = Json.required(request.body(), "TenantName");
    String id =
        "tn-"
            + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 30);
    SesTenant tenant =
        new SesTenant(
            name,
            id,
            config.arn("tenant/" + name + "/" + id),
            Instant.now(),
            Json.tags(request.body()));
    if (state.tenants.putIfAbsent(name, tenant) != null) {
      throw SesException.alreadyExists("Tenant " + name + " already exists.");
    }
    return describe(tenant);
  }

  private ObjectNode get(Request request) {
    SesTenant tenant = find(Json.required(request.body(), "TenantName"));
    ObjectNode response = Json.object();
    response.set("Tenant", describe(tenant));
    return response;
  }

  private ObjectNode list(Request request) {
    JsonNode body = request.body();
    List<SesTenant> sorted =
        state.tenants.values().stream().sorted(Comparator.comparing(t -> t.name)).toList();
    Pages<SesTenant> page = Pages.of(sorted, Json.optional(body, "NextToken"), pageSize(body), 100);
    ObjectNode response = Json.object();
    ArrayNode tenants = response.putArray("Tenants");
    page.items()
        .forEach(
            t ->
                tenants
                    .addObject()
                    .put("TenantName", t.name)
                    .put("TenantId", t.id)
                    .put("TenantArn", t.arn)
                    .put("CreatedTimestamp", Json.timestamp(t.createdAt)));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  private ObjectNode delete(Request request) {
    SesTenant tenant = find(Json.required(request.body(), "TenantName"));
    state.tenants.remove(tenant.name);
    state.tenantSuppression.remove(tenant.name);
    return Json.object();
  }

  private ObjectNode associate(Request request) {
    SesTenant tenant = find(Json.required(request.body(), "TenantName"));
    String arn = Json.required(request.body(), "ResourceArn");
    requireResource(arn);
    if (tenant.resources.putIfAbsent(arn, Instant.now()) != null) {
      throw SesException.alreadyExists(
          "Resource " + arn + " is already associated with tenant " + tenant.name + ".");
    }
    return Json.object();
  }

  private ObjectNode dissociate(Request request) {
    SesTenant tenant = find(Json.required(request.body(), "TenantName"));
    String arn = Json.required(request.body(), "ResourceArn");
    if (tenant.resources.remove(arn) == null) {
      throw SesException.notFound(
          "Resource " + arn + " is not associated with tenant " + tenant.name + ".");
    }
    return Json.object();
  }

  private ObjectNode resources(Request request) {
    SesTenant tenant = find(Json.required(request.body(), "TenantName"));
    List<String> arns = tenant.resourceArns().stream().sorted().toList();
    Pages<String> page =
        Pages.of(arns, Json.optional(request.body(), "NextToken"), pageSize(request.body()), 100);
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("TenantResources");
    page.items()
        .forEach(arn -> list.addObject().put("ResourceType", typeOf(arn)).put("ResourceArn", arn));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  private ObjectNode setSendingStatus(Request request) {
    SesTenant tenant = find(request.path("TenantName"));
    String status = Json.required(request.body(), "SendingStatus");
    if (!STATUSES.contains(status)) {
      throw SesException.badRequest("SendingStatus must be one of " + STATUSES + ".");
    }
    tenant.sendingStatus = status;
    return describe(tenant);
  }

  private ObjectNode describe(SesTenant tenant) {
    ObjectNode node =
        Json.object()
            .put("TenantName", tenant.name)
            .put("TenantId", tenant.id)
            .put("TenantArn", tenant.arn)
            .put("CreatedTimestamp", Json.timestamp(tenant.createdAt))
            .put("SendingStatus", tenant.sendingStatus);
    node.set("Tags", Json.tagArray(tenant.tags));
    return node;
  }

  private void requireResource(String arn) {
    String prefix = config.arn("");
    boolean exists =
        arn.startsWith(prefix + "identity/")
                && state.identities.containsKey(arn.substring((prefix + "identity/").length()))
            || arn.startsWith(prefix + "configuration-set/")
                && state.configurationSets.containsKey(
                    arn.substring((prefix + "configuration-set/").length()));
    if (!exists) {
      throw SesException.notFound("Resource " + arn + " does not exist.");
    }
  }

  private SesTenant find(String name) {
    SesTenant tenant = state.tenants.get(name);
    if (tenant == null) {
      throw SesException.notFound("Tenant " + name + " does not exist.");
    }
    return tenant;
  }

  private static Integer pageSize(JsonNode body) {
    return body.has("PageSize") ? body.get("PageSize").asInt() : null;
  }

  private static String typeOf(String arn) {
    if (arn.contains(":identity/")) {
      return "EMAIL_IDENTITY";
    }
    return arn.contains(":configuration-set/") ? "CONFIGURATION_SET" : "EMAIL_TEMPLATE";
  }
}
