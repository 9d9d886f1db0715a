package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The read API for tests and demos: {@code GET /_simulator/messages} (filters {@code tenant},
 * {@code configurationSet}, {@code recipient}), {@code GET /_simulator/messages/{id}/mime} and
 * {@code GET /_simulator/events} (filters {@code messageId}, {@code type}).
 */
public final class MessagesApi {
  private final SesState state;

  public MessagesApi(SesState state) {
    this.state = state;
  }

  public void mount(Router router) {
    router.get("/_simulator/messages").handler(Handlers.json(this::list));
    router.get("/_simulator/messages/:MessageId/mime").handler(this::mime);
    router.get("/_simulator/events").handler(Handlers.json(this::events));
  }

  private ObjectNode list(Request request) {
    Predicate<SentMessage> match = filter(request);
    ObjectNode response = Json.object();
    ArrayNode messages = response.putArray("Messages");
    state.sent.stream().filter(match).forEach(m -> messages.add(describe(m)));
    return response;
  }

  /** Published SES events, optionally of one message ({@code messageId}) or type ({@code type}). */
  private ObjectNode events(Request request) {
    String messageId = request.query("messageId");
    String type = request.query("type");
    ObjectNode response = Json.object();
    ArrayNode events = response.putArray("Events");
    state.events.stream()
        .filter(e -> messageId == null || messageId.equals(e.messageId()))
        .filter(e -> type == null || type.equals(e.eventType()))
        .forEach(e -> events.add(parse(e.json())));
    return response;
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored event is not JSON", e);
    }
  }

  private void mime(io.vertx.ext.web.RoutingContext ctx) {
    String id = ctx.pathParam("MessageId");
    state.sent.stream()
        .filter(m -> m.messageId().equals(id))
        .findFirst()
        .ifPresentOrElse(
            m -> ctx.response().putHeader("Content-Type", "message/rfc822").end(m.mime()),
            () -> Handlers.error(ctx, SesException.notFound("Message " + id + " does not exist.")));
  }

  private static Predicate<SentMessage> filter(Request request) {
    String tenant = request.query("tenant");
    String set = request.query("configurationSet");
    String recipient = request.query("recipient");
    return m ->
        (tenant == null || tenant.equals(m.tenantName()))
            && (set == null || set.equals(m.configurationSetName()))
            && (recipient == null
                || m.recipients().stream()
                    .anyMatch(
                        r ->
                            r.toLowerCase(Locale.ROOT)
                                .contains(recipient.toLowerCase(Locale.ROOT))));
  }

  private static ObjectNode describe(SentMessage m) {
    ObjectNode node =
        Json.object()
            .put("MessageId", m.messageId())
            .put("SentAt", m.sentAt().toString())
            .put("From", m.from())
            .put("Subject", m.subject());
    node.set("To", Json.array(m.to()));
    node.set("Cc", Json.array(m.cc()));
    node.set("Bcc", Json.array(m.bcc()));
    if (m.tenantName() != null) {
      node.put("TenantName", m.tenantName());
    }
    if (m.configurationSetName() != null) {
      node.put("ConfigurationSetName", m.configurationSetName());
    }
    ObjectNode tags = node.putObject("Tags");
    m.tags().forEach(tags::put);
    return node;
  }
}
