package io.isolane.feedback.rest;

import io.isolane.feedback.repository.ReportQueries;
import io.isolane.servicekit.rest.ApiCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The calling tenant's activity per day or hour (sent, delivered, bounced by kind and reason,
 * complained, unsubscribed, opened, clicked, replied by category), optionally broken down by
 * mailbox, sending domain or recipient domain. Served from counters kept as events arrive.
 */
@Path("/v1/reports/activity")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
  private static final int MAX_DAYS = 400;
  private static final int MAX_HOURLY_DAYS = 14;

  private final ReportQueries queries;

  public ReportResource(ReportQueries queries) {
    this.queries = queries;
  }

  @GET
  @Operation(summary = "Activity per day or hour, from and to inclusive dates in the time zone")
  public Uni<Response> activity(
      @Context ContainerRequestContext request,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("granularity") @DefaultValue("day") String granularity,
      @QueryParam("by") @DefaultValue("none") String by,
      @QueryParam("tz") @DefaultValue("UTC") String tz) {
    ZoneId zone;
    try {
      zone = ZoneId.of(tz);
    } catch (DateTimeException e) {
      return invalid("tz", "is not a time zone id such as UTC or Europe/Lisbon");
    }
    LocalDate today = LocalDate.now(zone);
    LocalDate first;
    LocalDate last;
    try {
      last = to == null ? today : LocalDate.parse(to);
      first = from == null ? last.minusDays(6) : LocalDate.parse(from);
    } catch (DateTimeParseException e) {
      return invalid(from != null && !isDate(from) ? "from" : "to", "must be a date (YYYY-MM-DD)");
    }
    ReportQueries.Granularity g = pick(ReportQueries.Granularity.class, granularity);
    ReportQueries.Breakdown b = pick(ReportQueries.Breakdown.class, by);
    if (g == null) {
      return invalid("granularity", "must be day or hour");
    }
    if (b == null) {
      return invalid("by", "must be none, mailbox, sending_domain or recipient_domain");
    }
    long days = last.toEpochDay() - first.toEpochDay() + 1;
    if (days < 1) {
      return invalid("to", "must not be before from");
    }
    int max = g == ReportQueries.Granularity.HOUR ? MAX_HOURLY_DAYS : MAX_DAYS;
    if (days > max) {
      return invalid("from", "the range may cover at most " + max + " days at this granularity");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("from", first.toString());
    answer.put("to", last.toString());
    answer.put("timeZone", zone.getId());
    answer.put("granularity", granularity);
    answer.put("by", by);
    return queries
        .figures(
            ApiCaller.of(request).tenantId(),
            first.atStartOfDay(zone).toInstant(),
            last.plusDays(1).atStartOfDay(zone).toInstant(),
            zone.getId(),
            g,
            b)
        .map(
            figures -> {
              answer.put("rows", ReportRows.fold(figures, b != ReportQueries.Breakdown.NONE));
              return Response.ok(answer).build();
            });
  }

  private static <E extends Enum<E>> E pick(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Uni<Response> invalid(String field, String message) {
    return Uni.createFrom().item(Problems.of(400, "Invalid request", field, message));
  }
}
