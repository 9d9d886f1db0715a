package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.OperationGate;
import io.isolane.sessimulator.web.OperationGate.Fault;
import io.isolane.sessimulator.web.Operations;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;

/**
 * Fault injection and call counts: {@code PUT /_simulator/faults/{Operation}} ({@code {"count": 1,
 * "status": 500, "code": "InternalFailure", "message": "injected fault"}}, all optional) fails the
 * next {@code count} calls of an SES v2 operation or SNS action with that error; {@code GET
 * /_simulator/faults} lists pending faults, {@code DELETE} clears all or one. {@code GET
 * /_simulator/calls} counts calls per operation (failed ones included), {@code DELETE} resets.
 */
public final class FaultApi {
  private final OperationGate gate;

  public FaultApi(OperationGate gate) {
    this.gate = gate;
  }

  public void mount(Router router) {
    router.put("/_simulator/faults/:Operation").handler(Handlers.json(this::inject));
    router.get("/_simulator/faults").handler(Handlers.json(r -> faults()));
    router.delete("/_simulator/faults").handler(Handlers.json(this::clearAll));
    router.delete("/_simulator/faults/:Operation").handler(Handlers.json(this::clear));
    router.get("/_simulator/calls").handler(Handlers.json(r -> calls()));
    router.delete("/_simulator/calls").handler(Handlers.json(this::resetCalls));
  }

  private ObjectNode inject(Request request) {
    String operation = operation(request);
    JsonNode body = request.body();
    int count = integer(body, "count", 1);
    int status = integer(body, "status", 500);
    if (count < 1) {
      throw SesException.badRequest("count must be at least 1.");
    }
    if (status < 400 || status > 599) {
      throw SesException.badRequest("status must be an HTTP error status (400-599).");
    }
    String code = text(body, "code", "InternalFailure");
    String message = text(body, "message", "injected fault");
    gate.inject(operation, new Fault(count, status, code, message));
    return faults();
  }

  private ObjectNode faults() {
    ObjectNode response = Json.object();
    gate.faults()
        .forEach(
            (operation, f) ->
                response
                    .putObject(operation)
                    .put("count", f.count())
                    .put("status", f.status())
                    .put("code", f.code())
                    .put("message", f.message()));
    return response;
  }

  private ObjectNode clearAll(Request request) {
    gate.clearFaults();
    return Json.object();
  }

  private ObjectNode clear(Request request) {
    gate.clearFault(operation(request));
    return faults();
  }

  private ObjectNode calls() {
    ObjectNode response = Json.object();
    gate.calls().forEach(response::put);
    return response;
  }

  private ObjectNode resetCalls(Request request) {
    gate.resetCalls();
    return Json.object();
  }

  private static String operation(Request request) {
    String operation = request.path("Operation");
    if (!Operations.known(operation)) {
      throw SesException.badRequest(
          "Unknown operation "
              + operation
              + ": use an SES v2 or SNS action name the simulator implements, one of "
              + Operations.all()
              + ".");
    }
    return operation;
  }

  private static int integer(JsonNode body, String member, int otherwise) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw SesException.badRequest(member + " must be an integer.");
    }
    return value.intValue();
  }

  private static String text(JsonNode body, String member, String otherwise) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw SesException.badRequest(member + " must be a non-empty string.");
    }
    return value.asText();
  }
}
