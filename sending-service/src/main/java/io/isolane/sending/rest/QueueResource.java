package io.isolane.sending.rest;

import io.isolane.sending.repository.MessageViews;
import io.isolane.sending.repository.MessageViews.Backlog;
import io.isolane.sending.service.QueueEstimate;
import io.isolane.servicekit.rest.ApiCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's backlog: queued messages per stream and per mailbox, when the next may go, and how
 * many requests of a burst are still arriving.
 */
@Path("/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
@SecurityRequirement(name = "apiKey")
public class QueueResource {
  private final MessageViews views;
  private final QueueEstimate estimate;

  public QueueResource(MessageViews views, QueueEstimate estimate) {
    this.views = views;
    this.estimate = estimate;
  }

  @GET
  @Operation(summary = "The tenant's queued messages per stream and per mailbox")
  @APIResponse(
      responseCode = "200",
      description = "The backlog",
      content = @Content(schema = @Schema(implementation = ApiViews.QueueView.class)))
  public Uni<ApiViews.QueueView> queue(@Context ContainerRequestContext request) {
    String tenantId = ApiCaller.of(request).tenantId();
    return views
        .queue(tenantId)
        .map(
            queue -> {
              Instant now = Instant.now();
              List<Backlog> rows = queue.backlog();
              return new ApiViews.QueueView(
                  groups(tenantId, rows, b -> ApiViews.status(b.stream()), true, now),
                  groups(tenantId, rows, Backlog::mailbox, false, now),
                  queue.arriving(),
                  now);
            });
  }

  private List<ApiViews.QueueGroup> groups(
      String tenantId,
      List<Backlog> rows,
      Function<Backlog, String> key,
      boolean byStream,
      Instant now) {
    Map<String, List<Backlog>> grouped = new TreeMap<>();
    rows.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    List<ApiViews.QueueGroup> out = new ArrayList<>();
    grouped.forEach((name, members) -> out.add(group(tenantId, name, members, byStream, now)));
    return out;
  }

  private ApiViews.QueueGroup group(
      String tenantId, String name, List<Backlog> members, boolean byStream, Instant now) {
    long accepted = 0;
    long awaiting = 0;
    Instant oldest = null;
    Instant earliest = null;
    boolean anyDue = false;
    for (Backlog b : members) {
      if ("ACCEPTED".equals(b.status())) {
        accepted += b.count();
      } else {
        awaiting += b.count();
      }
      oldest = min(oldest, b.oldest());
      earliest = min(earliest, b.earliestNotBefore());
      anyDue |= b.anyUndated() || !b.earliestNotBefore().isAfter(now);
    }
    QueueEstimate.Group group =
        new QueueEstimate.Group(
            tenantId,
            byStream ? name : null,
            byStream ? null : name,
            accepted + awaiting,
            earliest,
            anyDue);
    return new ApiViews.QueueGroup(
        byStream ? name : null,
        byStream ? null : name,
        accepted + awaiting,
        accepted,
        awaiting,
        oldest,
        earliest,
        estimate.nextSendAt(group, now));
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
