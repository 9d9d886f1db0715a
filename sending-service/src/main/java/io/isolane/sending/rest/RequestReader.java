package io.isolane.sending.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.isolane.contracts.ContractJson;
import io.isolane.servicekit.rest.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /v1/messages}: one message, or {@code {"messages": [...]}}. Unknown
 * fields are refused (a {@code tenantId} or {@code messageId} in the body is a client mistake, not
 * something to ignore silently), and every error names its field.
 */
final class RequestReader {
  private static final ObjectReader MESSAGE =
      ContractJson.mapper()
          .readerFor(MessageInput.class)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectWriter CANONICAL =
      ContractJson.mapper().writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
  private static final Map<String, String> SERVER_FIELDS =
      Map.of(
          "tenantId", "is not accepted: the tenant is the API key's",
          "messageId", "is not accepted: the server assigns message ids",
          "idempotencyKey", "is not accepted: send the Idempotency-Key header",
          "requestedAt", "is not accepted: the server sets it");

  private RequestReader() {}

  /**
   * A parsed request.
   *
   * @param batch whether it was a batch
   * @param messages the messages in order
   * @param fingerprint SHA-256 of the body's canonical JSON (key order and spacing do not count)
   */
  record Parsed(boolean batch, List<MessageInput> messages, String fingerprint) {}

  static Parsed read(byte[] body, int maxBatch) {
    JsonNode root = tree(body);
    List<Problem.FieldError> errors = new ArrayList<>();
    List<MessageInput> messages = new ArrayList<>();
    boolean batch = root.has("messages");
    if (!batch) {
      messages.add(message(root, "", errors));
    } else {
      JsonNode list = root.get("messages");
      root.fieldNames()
          .forEachRemaining(
              f -> {
                if (!f.equals("messages")) {
                  errors.add(new Problem.FieldError(f, "is not a field of a batch"));
                }
              });
      if (!list.isArray() || list.isEmpty() || list.size() > maxBatch) {
        errors.add(
            new Problem.FieldError(
                "messages", "must be an array of 1 to " + maxBatch + " messages"));
      } else {
        for (int i = 0; i < list.size(); i++) {
          messages.add(message(list.get(i), "messages[" + i + "].", errors));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors).failure();
    }
    return new Parsed(batch, messages, fingerprint(root));
  }

  private static JsonNode tree(byte[] body) {
    if (body == null || body.length == 0) {
      throw invalidBody("a JSON body is required");
    }
    try {
      JsonNode root = ContractJson.mapper().readTree(body);
      if (root == null || !root.isObject()) {
        throw invalidBody("the body must be a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw invalidBody("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalidBody("the body is unreadable");
    }
  }

  private static MessageInput message(JsonNode node, String prefix, List<Problem.FieldError> out) {
    if (!node.isObject()) {
      out.add(
          new Problem.FieldError(prefix.isEmpty() ? "body" : strip(prefix), "must be an object"));
      return null;
    }
    try {
      return MESSAGE.readValue(node);
    } catch (UnrecognizedPropertyException e) {
      String name = e.getPropertyName();
      out.add(
          new Problem.FieldError(
              prefix + name, SERVER_FIELDS.getOrDefault(name, "is not a known field")));
    } catch (JsonMappingException e) {
      out.add(new Problem.FieldError(prefix + path(e), mappingMessage(e)));
    } catch (IOException e) {
      out.add(new Problem.FieldError(prefix.isEmpty() ? "body" : strip(prefix), "is unreadable"));
    }
    return null;
  }

  private static String mappingMessage(JsonMappingException e) {
    if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
      return "must be one of transactional, marketing";
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.Instant.class) {
      return "must be an RFC 3339 date-time such as 2026-01-31T09:00:00Z";
    }
    return "has the wrong type";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  private static String strip(String prefix) {
    return prefix.substring(0, prefix.length() - 1);
  }

  private static Problem.Failure invalidBody(String detail) {
    return Problem.invalid(List.of(new Problem.FieldError("body", detail))).failure();
  }

  private static String fingerprint(JsonNode root) {
    try {
      byte[] canonical = CANONICAL.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a request", e);
    }
  }
}
