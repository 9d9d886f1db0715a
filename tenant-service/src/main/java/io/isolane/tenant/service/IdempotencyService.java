package io.isolane.tenant.service;

import io.isolane.tenant.IdempotencyRecord;
import io.isolane.tenant.repository.IdempotencyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs a write at most once per {@code Idempotency-Key}: the response is stored in the write's own
 * transaction and replayed for retries; the same key with a different request is refused.
 */
@ApplicationScoped
public class IdempotencyService {
  private final IdempotencyRepository records;

  public IdempotencyService(IdempotencyRepository records) {
    this.records = records;
  }

  /**
   * A response to store or replay.
   *
   * @param status HTTP status
   * @param body JSON body, or null
   * @param location Location header, or null
   * @param replayed whether it comes from an earlier request
   * @param replayBody what to store for replays instead of {@code body} (no secrets at rest)
   */
  public record StoredResponse(
      int status, String body, String location, boolean replayed, String replayBody) {}

  @WithTransaction
  public Uni<StoredResponse> once(
      String scope, String key, String fingerprint, Supplier<Uni<StoredResponse>> write) {
    return records
        .find(scope, key)
        .flatMap(
            existing -> {
              if (existing == null) {
                return write.get().call(response -> store(scope, key, fingerprint, response));
              }
              if (!existing.fingerprint.equals(fingerprint)) {
                throw new InvalidField(
                    "Idempotency-Key", "was already used for a different request");
              }
              return Uni.createFrom()
                  .item(
                      new StoredResponse(
                          existing.status, existing.body, existing.location, true, null));
            });
  }

  private Uni<IdempotencyRecord> store(
      String scope, String key, String fingerprint, StoredResponse response) {
    IdempotencyRecord row = new IdempotencyRecord();
    row.scope = scope;
    row.idempotencyKey = key;
    row.fingerprint = fingerprint;
    row.status = response.status();
    row.body = response.replayBody() != null ? response.replayBody() : response.body();
    row.location = response.location();
    row.createdAt = TenantStates.now();
    return records.persist(row);
  }
}
