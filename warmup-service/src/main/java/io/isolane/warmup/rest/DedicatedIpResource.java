package io.isolane.warmup.rest;

import io.isolane.servicekit.rest.ApiCaller;
import io.isolane.servicekit.rest.Problem;
import io.isolane.warmup.client.DedicatedIps;
import io.isolane.warmup.service.DedicatedIpEnrollment;
import io.isolane.warmup.service.SenderControl;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dedicated IPs the caller warms up through this service instead of SES's automatic warm-up: once
 * enrolled, an IP is a sender like the others ({@code /v1/warmup/senders/{ip}}) on a domain plan,
 * and its cap reaches SES as a warm-up percentage.
 */
@Path("/v1/warmup/dedicated-ips")
@Produces(MediaType.APPLICATION_JSON)
public class DedicatedIpResource {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}");

  private final DedicatedIps ses;
  private final DedicatedIpEnrollment enrollment;
  private final SenderControl control;

  public DedicatedIpResource(
      DedicatedIps ses, DedicatedIpEnrollment enrollment, SenderControl control) {
    this.ses = ses;
    this.enrollment = enrollment;
    this.control = control;
  }

  /** Enrolls the IP (201), or answers its status when it already is (200). */
  @PUT
  @Path("/{ip}")
  public Uni<Response> enroll(
      @PathParam("ip") String ip, @Context ContainerRequestContext request) {
    String address = ip.toLowerCase();
    if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
      throw Problem.invalid(List.of(new Problem.FieldError("ip", "not an IP address"))).failure();
    }
    String tenantId = ApiCaller.of(request).tenantId();
    return ses.poolOf(address)
        .chain(pool -> enrollment.enroll(tenantId, address, pool))
        .onFailure(DedicatedIpEnrollment.Refused.class)
        .transform(
            e ->
                Problem.unprocessable(List.of(new Problem.FieldError("ip", e.getMessage())))
                    .failure())
        .chain(
            created ->
                control
                    .get(tenantId, address)
                    .map(
                        status ->
                            Response.status(created ? 201 : 200)
                                .entity(ApiViews.SenderView.of(status.orElseThrow()))
                                .build()));
  }
}
