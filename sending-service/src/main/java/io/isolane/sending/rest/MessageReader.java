package io.isolane.sending.rest;

import io.isolane.contracts.events.SendRequest;
import io.isolane.sending.repository.MessageViews;
import io.isolane.sending.repository.MessageViews.Stored;
import io.isolane.sending.repository.MessageViews.Submission;
import io.isolane.servicekit.rest.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message as the tenant sees it: the ledger's status and history, preceded by the API's own
 * submission; a message produced but not yet stored by the consumer is {@code submitted}.
 */
@ApplicationScoped
public class MessageReader {
  private final MessageViews views;

  public MessageReader(MessageViews views) {
    this.views = views;
  }

  Uni<ApiViews.MessageView> view(String tenantId, String messageId) {
    return Uni.combine()
        .all()
        .unis(
            views.message(tenantId, messageId),
            views.history(tenantId, messageId),
            views.submission(tenantId, messageId))
        .with((stored, history, submission) -> view(messageId, stored, history, submission));
  }

  static Problem.Failure notFound(String messageId) {
    return Problem.of(Response.Status.NOT_FOUND, "message-not-found", "no message " + messageId)
        .failure();
  }

  private static ApiViews.MessageView view(
      String messageId,
      Optional<Stored> stored,
      List<MessageViews.Change> history,
      Optional<Submission> submission) {
    if (stored.isEmpty() && submission.isEmpty()) {
      throw notFound(messageId);
    }
    List<ApiViews.Change> changes = new ArrayList<>();
    submission.ifPresent(s -> changes.add(submitted(s)));
    history.forEach(
        c ->
            changes.add(
                new ApiViews.Change(
                    ApiViews.status(c.status()), c.reason(), c.sesMessageId(), c.at())));
    if (stored.isPresent()) {
      Stored m = stored.get();
      return new ApiViews.MessageView(
          messageId,
          ApiViews.status(m.status()),
          m.statusReason(),
          m.mailbox(),
          ApiViews.status(m.stream()),
          m.sesMessageId(),
          m.notBefore(),
          m.expiresAt(),
          changes);
    }
    SendRequest r = submission.get().request();
    return new ApiViews.MessageView(
        messageId,
        changes.get(0).status(),
        null,
        r.mailbox(),
        ApiViews.status(r.stream().name()),
        null,
        r.notBefore(),
        r.expiresAt(),
        changes);
  }

  /** The API's step: submitted once the broker acked, pending before. */
  private static ApiViews.Change submitted(Submission s) {
    return s.submittedAt() != null
        ? new ApiViews.Change("submitted", null, null, s.submittedAt())
        : new ApiViews.Change("pending", null, null, s.createdAt());
  }
}
