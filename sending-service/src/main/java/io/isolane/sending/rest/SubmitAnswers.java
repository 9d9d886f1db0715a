package io.isolane.sending.rest;

import io.isolane.sending.service.Submissions;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The 202 answer of {@code POST /v1/messages}: the same shape for a first call and its replays. */
final class SubmitAnswers {
  static final String REPLAYED = "Idempotent-Replayed";

  private SubmitAnswers() {}

  static Response of(Submissions.Submitted submitted) {
    List<ApiViews.Submitted> messages =
        submitted.messageIds().stream()
            .map(id -> new ApiViews.Submitted(id, ApiViews.status(submitted.statuses().get(id))))
            .toList();
    Response.ResponseBuilder answer = Response.accepted().type(MediaType.APPLICATION_JSON);
    if (submitted.batch()) {
      answer.entity(new ApiViews.SubmittedBatch(messages));
    } else {
      answer
          .entity(messages.get(0))
          .location(MessageResource.location(messages.get(0).messageId()));
    }
    if (submitted.replayed()) {
      answer.header(REPLAYED, "true");
    }
    return answer.build();
  }
}
