package io.isolane.sessimulator.sending;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Subject and bodies of Simple or Template content. Template content is rendered by replacing
 * {@code {{name}}} with the TemplateData value (SES's templates are Handlebars; only plain
 * substitution is emulated).
 *
 * @param subject subject line
 * @param text text body, or null
 * @param html HTML body, or null
 */
record Rendered(
    String subject, String text, String html, String templateName, String renderingError) {
  private static final Rendered NONE = new Rendered(null, null, null, null, null);
  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  static Rendered of(JsonNode content, Function<String, JsonNode> templates) {
    JsonNode simple = content.path("Simple");
    if (!simple.isMissingNode()) {
      JsonNode body = simple.path("Body");
      return new Rendered(
          simple.path("Subject").path("Data").asText(null),
          body.path("Text").path("Data").asText(null),
          body.path("Html").path("Data").asText(null),
          null,
          null);
    }
    JsonNode template = content.path("Template");
    if (!template.isMissingNode()) {
      return template(template, templates);
    }
    if (content.path("Raw").isMissingNode()) {
      throw SesException.badRequest("Content must contain Simple, Raw or Template.");
    }
    return NONE;
  }

  private static Rendered template(JsonNode template, Function<String, JsonNode> templates) {
    JsonNode source = template.path("TemplateContent");
    String name = Json.optional(template, "TemplateName");
    if (source.isMissingNode()) {
      if (name == null) {
        throw SesException.badRequest("TemplateName or TemplateContent is required.");
      }
      source = templates.apply(name);
      if (source == null) {
        throw SesException.notFound("Template " + name + " does not exist.");
      }
    }
    JsonNode data = data(template.path("TemplateData").asText("{}"));
    String subject = fill(source.path("Subject").asText(null), data);
    String text = fill(source.path("Text").asText(null), data);
    String html = fill(source.path("Html").asText(null), data);
    return new Rendered(subject, text, html, name, missing(subject, text, html));
  }

  /** SES's rendering error for the first variable the data did not provide, or null. */
  private static String missing(String... parts) {
    for (String part : parts) {
      if (part != null) {
        java.util.regex.Matcher m = VARIABLE.matcher(part);
        if (m.find()) {
          return "Attribute '" + m.group(1) + "' is not present in the rendering data.";
        }
      }
    }
    return null;
  }

  private static JsonNode data(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw SesException.badRequest("TemplateData is not valid JSON.");
    }
  }

  private static String fill(String text, JsonNode data) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out = out.replace("{{" + e.getKey() + "}}", e.getValue().asText());
    }
    return out;
  }
}
