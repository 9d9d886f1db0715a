package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;

/** Stored email templates used by Template content. */
public final class TemplateApi {
  private final SesState state;

  public TemplateApi(SesState state) {
    this.state = state;
  }

  public void mount(Router router) {
    router.post("/v2/email/templates").handler(Handlers.json("CreateEmailTemplate", this::create));
    router
        .get("/v2/email/templates/:TemplateName")
        .handler(Handlers.json("GetEmailTemplate", this::get));
    router
        .delete("/v2/email/templates/:TemplateName")
        .handler(Handlers.json("DeleteEmailTemplate", this::delete));
  }

  private ObjectNode create(Request request) {
    String name = Json.required(request.body(), "TemplateName");
    JsonNode content = request.body().path("TemplateContent");
    if (!content.isObject()) {
      throw SesException.badRequest("TemplateContent is required.");
    }
    if (state.templates.putIfAbsent(name, content) != null) {
      throw SesException.alreadyExists("Template " + name + " already exists.");
    }
    return Json.object();
  }

  private ObjectNode get(Request request) {
    String name = request.path("TemplateName");
    JsonNode content = state.templates.get(name);
    if (content == null) {
      throw SesException.notFound("Template " + name + " does not exist.");
    }
    ObjectNode response = Json.object().put("TemplateName", name);
    response.set("TemplateContent", content);
    return response;
  }

  private ObjectNode delete(Request request) {
    String name = request.path("TemplateName");
    if (state.templates.remove(name) == null) {
      throw SesException.notFound("Template " + name + " does not exist.");
    }
    return Json.object();
  }
}
