package io.isolane.replies.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem+json answers naming the field at fault. */
final class Problems {
  private Problems() {}

  static Response of(int status, String title, String field, String message) {
    Map<String, Object> problem =
        Map.of(
            "type", "about:blank",
            "title", title,
            "status", status,
            "detail", message,
            "errors", List.of(Map.of("field", field, "message", message)));
    return Response.status(status).type("application/problem+json").entity(problem).build();
  }
}
