package io.isolane.feedback.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem+json answers naming the field at fault. */
final class UnsubscribeProblems {
  private UnsubscribeProblems() {}

  static Response of(int status, String field, String message) {
    Map<String, Object> problem =
        Map.of(
            "type",
            "https://isolane.io/problems/unsubscribe",
            "title",
            status == 410 ? "Link expired" : "Unsubscribe refused",
            "status",
            status,
            "detail",
            message,
            "errors",
            List.of(Map.of("field", field, "message", message)));
    return Response.status(status).type("application/problem+json").entity(problem).build();
  }
}
