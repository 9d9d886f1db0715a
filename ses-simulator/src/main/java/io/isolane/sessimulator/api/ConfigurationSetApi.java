package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.state.ConfigurationSet;
import io.isolane.sessimulator.state.ConfigurationSet.EventDestination;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;

/** Configuration sets: sending switch, suppression and delivery options, event destinations. */
public final class ConfigurationSetApi {
  static final Set<String> EVENT_TYPES =
      Set.of(
          "SEND",
          "REJECT",
          "BOUNCE",
          "COMPLAINT",
          "DELIVERY",
          "OPEN",
          "CLICK",
          "RENDERING_FAILURE",
          "DELIVERY_DELAY",
          "SUBSCRIPTION");
  private static final Set<String> REASONS = Set.of("BOUNCE", "COMPLAINT");
  private static final String BASE = "/v2/email/configuration-sets";

  private final SimulatorConfig config;
  private final SesState state;

  public ConfigurationSetApi(SimulatorConfig config, SesState state) {
    this.config = config;
    this.state = state;
  }

  public void mount(Router router) {
    router.post(BASE).handler(Handlers.json("CreateConfigurationSet", this::create));
    router
        .get(BASE + "/:ConfigurationSetName")
        .handler(Handlers.json("GetConfigurationSet", this::get));
    router
        .delete(BASE + "/:ConfigurationSetName")
        .handler(Handlers.json("DeleteConfigurationSet", this::delete));
    router
        .put(BASE + "/:ConfigurationSetName/sending")
        .handler(Handlers.json("PutConfigurationSetSendingOptions", this::sending));
    router
        .put(BASE + "/:ConfigurationSetName/suppression-options")
        .handler(Handlers.json("PutConfigurationSetSuppressionOptions", this::suppression));
    router
        .put(BASE + "/:ConfigurationSetName/delivery-options")
        .handler(Handlers.json("PutConfigurationSetDeliveryOptions", this::delivery));
    router
        .post(BASE + "/:ConfigurationSetName/event-destinations")
        .handler(Handlers.json("CreateConfigurationSetEventDestination", this::createDestination));
    router
        .get(BASE + "/:ConfigurationSetName/event-destinations")
        .handler(Handlers.json("GetConfigurationSetEventDestinations", this::destinations));
    router
        .delete(BASE + "/:ConfigurationSetName/event-destinations/:EventDestinationName")
        .handler(Handlers.json("DeleteConfigurationSetEventDestination", this::deleteDestination));
  }

  private ObjectNode create(Request request) {
    JsonNode body = request.body();
    String name = Json.required(body, "ConfigurationSetName");
    ConfigurationSet set = new ConfigurationSet(name, Json.tags(body));
    JsonNode sending = body.path("SendingOptions").path("SendingEnabled");
    set.sendingEnabled = sending.isMissingNode() || sending.asBoolean(true);
    if (body.has("SuppressionOptions")) {
      set.suppressedReasons = reasons(body.get("SuppressionOptions"));
    }
    applyDelivery(set, body.path("DeliveryOptions"));
    if (state.configurationSets.putIfAbsent(name, set) != null) {
      throw SesException.alreadyExists("Configuration set <" + name + "> already exists.");
    }
    return Json.object();
  }

  private ObjectNode get(Request request) {
    ConfigurationSet set = find(request.path("ConfigurationSetName"));
    ObjectNode response = Json.object().put("ConfigurationSetName", set.name);
    response.putObject("SendingOptions").put("SendingEnabled", set.sendingEnabled);
    ObjectNode delivery = response.putObject("DeliveryOptions").put("TlsPolicy", set.tlsPolicy);
    if (set.sendingPoolName != null) {
      delivery.put("SendingPoolName", set.sendingPoolName);
    }
    if (set.maxDeliverySeconds != null) {
      delivery.put("MaxDeliverySeconds", set.maxDeliverySeconds);
    }
    if (set.suppressedReasons != null) {
      response
          .putObject("SuppressionOptions")
          .set("SuppressedReasons", Json.array(set.suppressedReasons));
    }
    response.putObject("ReputationOptions").put("ReputationMetricsEnabled", false);
    response.set("Tags", Json.tagArray(set.tags));
    return response;
  }

  private ObjectNode delete(Request request) {
    ConfigurationSet set = find(request.path("ConfigurationSetName"));
    state.configurationSets.remove(set.name);
    String arn = config.arn("configuration-set/" + set.name);
    state.tenants.values().forEach(t -> t.resources.remove(arn));
    return Json.object();
  }

  private ObjectNode sending(Request request) {
    find(request.path("ConfigurationSetName")).sendingEnabled =
        request.body().path("SendingEnabled").asBoolean(false);
    return Json.object();
  }

  private ObjectNode suppression(Request request) {
    find(request.path("ConfigurationSetName")).suppressedReasons = reasons(request.body());
    return Json.object();
  }

  private ObjectNode delivery(Request request) {
    applyDelivery(find(request.path("ConfigurationSetName")), request.body());
    return Json.object();
  }

  private ObjectNode createDestination(Request request) {
    ConfigurationSet set = find(request.path("ConfigurationSetName"));
    String name = Json.required(request.body(), "EventDestinationName");
    JsonNode destination = request.body().path("EventDestination");
    List<String> types = Json.strings(destination, "MatchingEventTypes");
    if (types.isEmpty() || !EVENT_TYPES.containsAll(types)) {
      throw SesException.badRequest("Invalid MatchingEventTypes: " + types + ".");
    }
    String topic = destination.path("SnsDestination").path("TopicArn").asText(null);
    EventDestination created =
        new EventDestination(name, destination.path("Enabled").asBoolean(false), types, topic);
    if (set.destinations.putIfAbsent(name, created) != null) {
      throw SesException.alreadyExists("Event destination " + name + " already exists.");
    }
    return Json.object();
  }

  private ObjectNode destinations(Request request) {
    ConfigurationSet set = find(request.path("ConfigurationSetName"));
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("EventDestinations");
    for (EventDestination d : set.destinations.values()) {
      ObjectNode item = list.addObject().put("Name", d.name()).put("Enabled", d.enabled());
      item.set("MatchingEventTypes", Json.array(d.matchingEventTypes()));
      if (d.snsTopicArn() != null) {
        item.putObject("SnsDestination").put("TopicArn", d.snsTopicArn());
      }
    }
    return response;
  }

  private ObjectNode deleteDestination(Request request) {
    ConfigurationSet set = find(request.path("ConfigurationSetName"));
    String name = request.path("EventDestinationName");
    if (set.destinations.remove(name) == null) {
      throw SesException.notFound("Event destination " + name + " does not exist.");
    }
    return Json.object();
  }

  private void applyDelivery(ConfigurationSet set, JsonNode delivery) {
    if (delivery.isMissingNode()) {
      return;
    }
    String pool = Json.optional(delivery, "SendingPoolName");
    if (pool != null && !state.dedicatedIpPools.containsKey(pool)) {
      throw SesException.notFound("Dedicated IP pool " + pool + " does not exist.");
    }
    set.sendingPoolName = pool;
    set.tlsPolicy = delivery.path("TlsPolicy").asText("OPTIONAL");
    set.maxDeliverySeconds =
        delivery.has("MaxDeliverySeconds") ? delivery.get("MaxDeliverySeconds").asLong() : null;
  }

  private ConfigurationSet find(String name) {
    ConfigurationSet set = state.configurationSets.get(name);
    if (set == null) {
      throw SesException.notFound("Configuration set <" + name + "> does not exist.");
    }
    return set;
  }

  private static List<String> reasons(JsonNode options) {
    List<String> reasons = Json.strings(options, "SuppressedReasons");
    if (!REASONS.containsAll(reasons)) {
      throw SesException.badRequest("Invalid SuppressedReasons: " + reasons + ".");
    }
    return reasons;
  }
}
