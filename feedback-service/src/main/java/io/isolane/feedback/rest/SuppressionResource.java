package io.isolane.feedback.rest;

import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.Addresses;
import io.isolane.feedback.Suppression;
import io.isolane.feedback.service.SuppressionAdmin;
import io.isolane.servicekit.rest.ApiCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The calling tenant's suppression list: list, look up, add (one or a CSV import), remove. Every
 * change is published on {@code suppressions}, so sending-service honours it within a second.
 */
@Path("/v1/suppressions")
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionResource {
  private static final int MAX_LIMIT = 1000;

  private final SuppressionAdmin admin;

  public SuppressionResource(SuppressionAdmin admin) {
    this.admin = admin;
  }

  @GET
  @Operation(summary = "A page of the tenant's suppressed addresses, in address order")
  public Uni<Response> list(
      @Context ContainerRequestContext request,
      @QueryParam("reason") String reason,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    Optional<SuppressionReason> filter =
        reason == null ? Optional.empty() : SuppressionViews.reason(reason);
    if (reason != null && filter.isEmpty()) {
      return invalid("reason", "must be one of " + SuppressionViews.reasons());
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      return invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    String tenantId = ApiCaller.of(request).tenantId();
    return admin
        .page(tenantId, filter.orElse(null), after, limit + 1)
        .map(rows -> Response.ok(page(rows, limit)).build());
  }

  @GET
  @Path("/{address}")
  @Operation(summary = "Whether the address is suppressed for the tenant, and why")
  public Uni<Response> get(
      @Context ContainerRequestContext request, @PathParam("address") String address) {
    return admin
        .find(ApiCaller.of(request).tenantId(), address)
        .map(
            s ->
                s == null
                    ? notSuppressed(address)
                    : Response.ok(SuppressionViews.Item.of(s)).build());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Suppresses one address (reason defaults to manual)")
  public Uni<Response> add(
      @Context ContainerRequestContext request, SuppressionViews.NewSuppression body) {
    if (body == null) {
      return invalid("address", "is required");
    }
    Optional<String> problem = Addresses.problem(body.address());
    if (problem.isPresent()) {
      return invalid("address", problem.get());
    }
    Optional<SuppressionReason> reason =
        SuppressionViews.reason(body.reason() == null ? "manual" : body.reason());
    if (reason.isEmpty()) {
      return invalid("reason", "must be one of " + SuppressionViews.reasons());
    }
    String tenantId = ApiCaller.of(request).tenantId();
    SuppressionAdmin.Entry entry =
        new SuppressionAdmin.Entry(body.address(), reason.get(), body.expiresAt());
    return admin
        .add(tenantId, entry)
        .chain(changed -> admin.find(tenantId, body.address()).map(s -> created(s, changed)));
  }

  @POST
  @Path("/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Operation(summary = "Suppresses every address of a CSV (address[,reason[,expires_at]])")
  public Uni<Response> importCsv(@Context ContainerRequestContext request, String body) {
    List<SuppressionCsv.Line> lines = SuppressionCsv.parse(body == null ? "" : body);
    if (lines.isEmpty()) {
      return invalid("body", "has no addresses");
    }
    if (lines.size() > SuppressionCsv.MAX_ROWS) {
      return invalid("body", "has more than " + SuppressionCsv.MAX_ROWS + " rows; split it");
    }
    List<SuppressionAdmin.Entry> entries =
        lines.stream().filter(l -> l.entry() != null).map(SuppressionCsv.Line::entry).toList();
    return admin
        .addAll(ApiCaller.of(request).tenantId(), entries)
        .map(changed -> Response.ok(ImportReport.of(lines, changed)).build());
  }

  @DELETE
  @Path("/{address}")
  @Operation(summary = "Lifts the tenant's suppression of the address")
  public Uni<Response> remove(
      @Context ContainerRequestContext request, @PathParam("address") String address) {
    return admin
        .remove(ApiCaller.of(request).tenantId(), address)
        .map(found -> found ? Response.noContent().build() : notSuppressed(address));
  }

  private static SuppressionViews.Page page(List<Suppression> rows, int limit) {
    List<SuppressionViews.Item> items = new ArrayList<>();
    rows.stream().limit(limit).forEach(s -> items.add(SuppressionViews.Item.of(s)));
    String next = rows.size() > limit ? items.get(items.size() - 1).address() : null;
    return new SuppressionViews.Page(items, next);
  }

  private static Response created(Suppression s, boolean changed) {
    SuppressionViews.Item item = SuppressionViews.Item.of(s);
    return changed
        ? Response.created(URI.create("/v1/suppressions/" + s.address)).entity(item).build()
        : Response.ok(item).build();
  }

  private static Response notSuppressed(String address) {
    return Problems.of(404, "Not Found", "address", address + " is not suppressed for this tenant");
  }

  private static Uni<Response> invalid(String field, String message) {
    return Uni.createFrom().item(Problems.of(400, "Invalid request", field, message));
  }
}
