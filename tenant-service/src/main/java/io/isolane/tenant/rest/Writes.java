package io.isolane.tenant.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.tenant.service.Digests;
import io.isolane.tenant.service.IdempotencyService;
import io.isolane.tenant.service.IdempotencyService.StoredResponse;
import io.isolane.tenant.service.InvalidField;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Every write of the API goes through here: with an {@code Idempotency-Key} header it runs once and
 * later retries get the first response again (header {@code Idempotent-Replayed: true}).
 */
@ApplicationScoped
public class Writes {
  /** Header a client sets to make a write safe to retry. */
  public static final String KEY_HEADER = "Idempotency-Key";

  private final IdempotencyService idempotency;
  private final ObjectMapper json;

  public Writes(IdempotencyService idempotency, ObjectMapper json) {
    this.idempotency = idempotency;
    this.json = json;
  }

  /** Runs the write, once per key when one is given. */
  public Uni<Response> run(
      Caller caller, String key, String request, Object body, Supplier<Uni<Reply>> write) {
    if (key == null) {
      return write.get().map(this::stored).map(Writes::response);
    }
    if (key.isBlank() || key.length() > 255) {
      throw new InvalidField(KEY_HEADER, "must be 1-255 characters");
    }
    String fingerprint = Digests.sha256Hex(request + "\n" + write(body));
    return idempotency
        .once(caller.name(), key, fingerprint, () -> write.get().map(this::stored))
        .map(Writes::response);
  }

  /**
   * What a write answers.
   *
   * @param status HTTP status
   * @param entity body, or null
   * @param location Location header, or null
   * @param replayEntity body to store for replays when it must differ (no secrets at rest), or null
   */
  public record Reply(int status, Object entity, URI location, Object replayEntity) {
    Reply(int status, Object entity, URI location) {
      this(status, entity, location, null);
    }

    static Reply of(int status, Object entity) {
      return new Reply(status, entity, null);
    }
  }

  private StoredResponse stored(Reply reply) {
    return new StoredResponse(
        reply.status(),
        reply.entity() == null ? null : write(reply.entity()),
        reply.location() == null ? null : reply.location().toString(),
        false,
        reply.replayEntity() == null ? null : write(reply.replayEntity()));
  }

  private static Response response(StoredResponse stored) {
    Response.ResponseBuilder builder = Response.status(stored.status());
    if (stored.body() != null) {
      builder.entity(stored.body()).type(MediaType.APPLICATION_JSON);
    }
    if (stored.location() != null) {
      builder.location(URI.create(stored.location()));
    }
    if (stored.replayed()) {
      builder.header("Idempotent-Replayed", "true");
    }
    return builder.build();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
