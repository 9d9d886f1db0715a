package io.isolane.sessimulator.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Adapts operations ({@code request JSON -> response JSON}) to Vert.x routes with SES errors. */
public final class Handlers {
  private static final Logger LOG = Logger.getLogger(Handlers.class);
  private static final String JSON = "application/json";

  private Handlers() {}

  /**
   * A route handler running {@code operation} on the parsed body (an empty object if none); for the
   * simulator's own endpoints, which are not AWS operations (those use {@link #json(String,
   * Function)}).
   */
  public static Handler<RoutingContext> json(Function<Request, ObjectNode> operation) {
    return ctx -> respond(ctx, () -> operation.apply(new Request(ctx, body(ctx))));
  }

  /**
   * A route handler for the AWS operation {@code name}: the {@link OperationGate} (call count,
   * control-plane rate, injected faults) runs first, then {@code operation} on the parsed body.
   */
  public static Handler<RoutingContext> json(String name, Function<Request, ObjectNode> operation) {
    if (!Operations.SES.contains(name)) {
      throw new IllegalArgumentException("Not an SES v2 operation: " + name);
    }
    return ctx ->
        respond(
            ctx,
            () -> {
              OperationGate.admit(ctx, name);
              return operation.apply(new Request(ctx, body(ctx)));
            });
  }

  /** A route handler for a non-JSON body: {@code operation} reads the context itself. */
  public static Handler<RoutingContext> plain(Function<RoutingContext, ObjectNode> operation) {
    return ctx -> respond(ctx, () -> operation.apply(ctx));
  }

  private interface Operation {
    ObjectNode run() throws IOException;
  }

  private static void respond(RoutingContext ctx, Operation operation) {
    try {
      ObjectNode response = operation.run();
      ctx.response()
          .putHeader("Content-Type", JSON)
          .putHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString())
          .end(Buffer.buffer(Json.MAPPER.writeValueAsBytes(response)));
    } catch (SesException e) {
      error(ctx, e);
    } catch (RuntimeException | IOException e) {
      LOG.error("simulator failure", e);
      error(ctx, new SesException(500, "InternalServiceErrorException", e.toString()));
    }
  }

  /** Writes an error the way SES v2 does. */
  public static void error(RoutingContext ctx, SesException e) {
    ObjectNode body = Json.object().put("message", e.getMessage());
    ctx.response()
        .setStatusCode(e.status())
        .putHeader("Content-Type", JSON)
        .putHeader("x-amzn-ErrorType", e.code())
        .putHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString())
        .end(body.toString());
  }

  private static JsonNode body(RoutingContext ctx) throws IOException {
    Buffer buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      return Json.object();
    }
    try {
      return Json.MAPPER.readTree(buffer.getBytes());
    } catch (IOException e) {
      throw SesException.badRequest("Request body is not valid JSON.");
    }
  }

  /**
   * One request: its JSON body and its path and query parameters.
   *
   * @param ctx the Vert.x routing context
   * @param body the parsed JSON body
   */
  public record Request(RoutingContext ctx, JsonNode body) {
    /** A URL-decoded path parameter. */
    public String path(String name) {
      return ctx.pathParam(name);
    }

    /** A query parameter, or null. */
    public String query(String name) {
      return ctx.queryParams().get(name);
    }
  }
}
