package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.events.EventPublisher;
import io.isolane.sessimulator.sending.MessageIds;
import io.isolane.sessimulator.sending.MimeRenderer;
import io.isolane.sessimulator.sending.OutgoingEmail;
import io.isolane.sessimulator.sending.SendGuard;
import io.isolane.sessimulator.state.Identity;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.Map;

/** SendEmail and SendBulkEmail. */
public final class SendApi {

  private final SimulatorConfig config;
  private final SesState state;
  private final SendGuard guard;
  private final EventPublisher events;

  public SendApi(SimulatorConfig config, SesState state, SendGuard guard, EventPublisher events) {
    this.config = config;
    this.state = state;
    this.guard = guard;
    this.events = events;
  }

  public void mount(Router router) {
    router.post("/v2/email/outbound-emails").handler(Handlers.json("SendEmail", this::send));
    router
        .post("/v2/email/outbound-bulk-emails")
        .handler(Handlers.json("SendBulkEmail", this::sendBulk));
  }

  private ObjectNode send(Request request) {
    OutgoingEmail email = OutgoingEmail.parse(request.body(), state.templates::get);
    return Json.object().put("MessageId", accept(email));
  }

  private ObjectNode sendBulk(Request request) {
    JsonNode entries = request.body().path("BulkEmailEntries");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > 50) {
      throw SesException.badRequest("BulkEmailEntries must hold 1 to 50 entries.");
    }
    ObjectNode response = Json.object();
    ArrayNode results = response.putArray("BulkEmailEntryResults");
    for (JsonNode entry : entries) {
      ObjectNode result = results.addObject();
      try {
        result.put("Status", "SUCCESS").put("MessageId", accept(bulkEntry(request.body(), entry)));
      } catch (SesException e) {
        result.put("Status", BulkStatus.of(e)).put("Error", e.getMessage());
      }
    }
    return response;
  }

  /** One SendEmail-shaped request for a bulk entry: default content and tags, entry overrides. */
  private OutgoingEmail bulkEntry(JsonNode body, JsonNode entry) {
    ObjectNode single = Json.object();
    single.set("FromEmailAddress", body.get("FromEmailAddress"));
    single.set("ReplyToAddresses", body.get("ReplyToAddresses"));
    single.set("ConfigurationSetName", body.get("ConfigurationSetName"));
    single.set("TenantName", body.get("TenantName"));
    single.set("Destination", entry.get("Destination"));
    ObjectNode template = body.path("DefaultContent").path("Template").deepCopy();
    JsonNode replacement = entry.path("ReplacementEmailContent").path("ReplacementTemplate");
    if (replacement.has("ReplacementTemplateData")) {
      template.set("TemplateData", replacement.get("ReplacementTemplateData"));
    }
    single.putObject("Content").set("Template", template);
    ArrayNode tags = single.putArray("EmailTags");
    body.path("DefaultEmailTags").forEach(tags::add);
    entry.path("ReplacementTags").forEach(tags::add);
    return OutgoingEmail.parse(withoutNulls(single), state.templates::get);
  }

  private String accept(OutgoingEmail email) {
    Identity identity = guard.admit(email);
    String id = MessageIds.next();
    Instant now = Instant.now();
    Map<String, String> tags = Map.copyOf(email.tags());
    state.sent.add(
        new SentMessage(
            id,
            now,
            email.from(),
            email.to(),
            email.cc(),
            email.bcc(),
            email.subject(),
            email.tenantName(),
            email.configurationSetName(),
            tags,
            MimeRenderer.render(email, id)));
    state.sendLog.add(new SendRecord(id, now, email.tenantName(), tags));
    events.accepted(
        new EventPublisher.Accepted(email, id, config.arn("identity/" + identity.name), now));
    return id;
  }

  private static ObjectNode withoutNulls(ObjectNode node) {
    node.properties().removeIf(e -> e.getValue() == null || e.getValue().isNull());
    return node;
  }
}
