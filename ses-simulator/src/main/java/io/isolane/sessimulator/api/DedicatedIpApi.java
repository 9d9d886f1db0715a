package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.state.DedicatedIp;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Dedicated IP pools and IP warm-up. A STANDARD pool is given the simulated IPs assigned to it with
 * the admin endpoint; MANAGED pools hold no visible IPs, as in SES.
 */
public final class DedicatedIpApi {
  private static final Set<String> SCALING_MODES = Set.of("STANDARD", "MANAGED");

  private final SesState state;

  public DedicatedIpApi(SesState state) {
    this.state = state;
  }

  public void mount(Router router) {
    router
        .post("/v2/email/dedicated-ip-pools")
        .handler(Handlers.json("CreateDedicatedIpPool", this::createPool));
    router
        .get("/v2/email/dedicated-ip-pools")
        .handler(Handlers.json("ListDedicatedIpPools", this::listPools));
    router
        .delete("/v2/email/dedicated-ip-pools/:PoolName")
        .handler(Handlers.json("DeleteDedicatedIpPool", this::deletePool));
    router.get("/v2/email/dedicated-ips").handler(Handlers.json("GetDedicatedIps", this::listIps));
    router.get("/v2/email/dedicated-ips/:IP").handler(Handlers.json("GetDedicatedIp", this::getIp));
    router
        .put("/v2/email/dedicated-ips/:IP/warmup")
        .handler(Handlers.json("PutDedicatedIpWarmupAttributes", this::warmup));
    router.put("/_simulator/dedicated-ips/:IP").handler(Handlers.json(this::addIp));
  }

  private ObjectNode createPool(Request request) {
    String name = Json.required(request.body(), "PoolName");
    String mode = request.body().path("ScalingMode").asText("STANDARD");
    if (!SCALING_MODES.contains(mode)) {
      throw SesException.badRequest("ScalingMode must be STANDARD or MANAGED.");
    }
    if (state.dedicatedIpPools.putIfAbsent(name, java.util.Map.of("ScalingMode", mode)) != null) {
      throw SesException.alreadyExists("Dedicated IP pool " + name + " already exists.");
    }
    return Json.object();
  }

  private ObjectNode listPools(Request request) {
    List<String> names = state.dedicatedIpPools.keySet().stream().sorted().toList();
    ObjectNode response = Json.object();
    response.set("DedicatedIpPools", Json.array(names));
    return response;
  }

  private ObjectNode deletePool(Request request) {
    String name = request.path("PoolName");
    if (state.dedicatedIpPools.remove(name) == null) {
      throw SesException.notFound("Dedicated IP pool " + name + " does not exist.");
    }
    state.dedicatedIps.values().stream()
        .filter(ip -> name.equals(ip.poolName))
        .forEach(ip -> ip.poolName = null);
    return Json.object();
  }

  private ObjectNode getIp(Request request) {
    DedicatedIp ip = find(request.path("IP"));
    ObjectNode response = Json.object();
    describe(ip, response.putObject("DedicatedIp"));
    return response;
  }

  /** GetDedicatedIps: the account's IPs, or one pool's, sorted by address and paged. */
  private ObjectNode listIps(Request request) {
    String pool = request.query("PoolName");
    if (pool != null && !state.dedicatedIpPools.containsKey(pool)) {
      throw SesException.notFound("Dedicated IP pool " + pool + " does not exist.");
    }
    List<DedicatedIp> sorted =
        state.dedicatedIps.values().stream()
            .filter(ip -> pool == null || pool.equals(ip.poolName))
            .sorted(Comparator.comparing(ip -> ip.ip))
            .toList();
    Pages<DedicatedIp> page =
        Pages.of(sorted, request.query("NextToken"), pageSize(request.query("PageSize")), 100);
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("DedicatedIps");
    page.items().forEach(ip -> describe(ip, items.addObject()));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  private static Integer pageSize(String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw SesException.badRequest("PageSize must be a number.");
    }
  }

  private static void describe(DedicatedIp ip, ObjectNode item) {
    item.put("Ip", ip.ip)
        .put("WarmupStatus", ip.warmupStatus)
        .put("WarmupPercentage", ip.warmupPercentage);
    if (ip.poolName != null) {
      item.put("PoolName", ip.poolName);
    }
  }

  private ObjectNode warmup(Request request) {
    DedicatedIp ip = find(request.path("IP"));
    int percentage = request.body().path("WarmupPercentage").asInt(-1);
    if (percentage < 0 || percentage > 100) {
      throw SesException.badRequest("WarmupPercentage must be between 0 and 100.");
    }
    ip.warmupPercentage = percentage;
    ip.warmupStatus = percentage >= 100 ? "DONE" : "IN_PROGRESS";
    return Json.object();
  }

  private ObjectNode addIp(Request request) {
    String pool = Json.optional(request.body(), "PoolName");
    if (pool != null && !state.dedicatedIpPools.containsKey(pool)) {
      throw SesException.notFound("Dedicated IP pool " + pool + " does not exist.");
    }
    String address = request.path("IP");
    state.dedicatedIps.computeIfAbsent(address, a -> new DedicatedIp(a, pool)).poolName = pool;
    return Json.object();
  }

  private DedicatedIp find(String address) {
    DedicatedIp ip = state.dedicatedIps.get(address);
    if (ip == null) {
      throw SesException.notFound("Dedicated IP " + address + " does not exist.");
    }
    return ip;
  }
}
