package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.state.DedicatedIp;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
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
    ObjectNode item =
        response
            .putObject("DedicatedIp")
            .put("Ip", ip.ip)
            .put("WarmupStatus", ip.warmupStatus)
            .put("WarmupPercentage", ip.warmupPercentage);
    if (ip.poolName != null) {
      item.put("PoolName", ip.poolName);
    }
    return response;
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
