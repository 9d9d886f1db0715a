package io.isolane.feedback.rest;

import io.isolane.contracts.unsubscribe.InvalidUnsubscribeTokenException;
import io.isolane.feedback.service.UnsubscribeService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One-click unsubscribe links from marketing mail (RFC 8058). A mailbox provider POSTs {@code
 * List-Unsubscribe=One-Click}; a person who opens the link gets a page whose button POSTs the same.
 * GET never changes anything: link scanners and prefetchers open links too.
 */
@Path("/u/{token}")
public class UnsubscribeResource {
  private static final String PAGE =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title>"
          + "</head><body><h1>%s</h1><p>%s</p>%s</body></html>";
  private static final String BUTTON =
      "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
          + "<button type=\"submit\">Unsubscribe</button></form>";

  private final UnsubscribeService unsubscribe;

  public UnsubscribeResource(UnsubscribeService unsubscribe) {
    this.unsubscribe = unsubscribe;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A confirmation page with an unsubscribe button; changes nothing")
  @APIResponse(responseCode = "200", description = "The link is valid")
  @APIResponse(responseCode = "400", description = "Not a link we signed")
  @APIResponse(responseCode = "410", description = "The link expired")
  public Response confirm(@PathParam("token") String token) {
    try {
      unsubscribe.check(token, Instant.now());
      return page(200, "Unsubscribe", "Stop receiving these emails?", BUTTON);
    } catch (InvalidUnsubscribeTokenException e) {
      return page(400, "Link not valid", "This unsubscribe link is not valid.", "");
    } catch (UnsubscribeService.ExpiredLink e) {
      return page(410, "Link expired", "This unsubscribe link has expired.", "");
    }
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Unsubscribes the recipient from the tenant's mail (RFC 8058 one-click)")
  @APIResponse(responseCode = "200", description = "Unsubscribed (again, if already)")
  @APIResponse(responseCode = "400", description = "Not a one-click body, or not a link we signed")
  @APIResponse(responseCode = "410", description = "The link expired")
  public Uni<Response> oneClick(@PathParam("token") String token, String body) {
    if (body == null || !body.contains("List-Unsubscribe") || !body.contains("One-Click")) {
      return Uni.createFrom()
          .item(
              Problems.of(
                  400,
                  "Unsubscribe refused",
                  "List-Unsubscribe",
                  "the body must be List-Unsubscribe=One-Click (RFC 8058)"));
    }
    return unsubscribe
        .unsubscribe(token, Instant.now())
        .map(t -> page(200, "Unsubscribed", "You will not receive these emails any more.", ""))
        .onFailure(InvalidUnsubscribeTokenException.class)
        .recoverWithItem(e -> Problems.of(400, "Unsubscribe refused", "token", e.getMessage()))
        .onFailure(UnsubscribeService.ExpiredLink.class)
        .recoverWithItem(e -> Problems.of(410, "Link expired", "token", e.getMessage()));
  }

  private static Response page(int status, String title, String text, String form) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(String.format(PAGE, title, text, form))
        .build();
  }
}
