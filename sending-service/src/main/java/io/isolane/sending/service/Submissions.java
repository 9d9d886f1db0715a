package io.isolane.sending.service;

import io.isolane.contracts.events.SendRequest;
import io.isolane.sending.config.ApiConfig;
import io.isolane.sending.messaging.SendRequestProducer;
import io.isolane.sending.repository.SubmissionStore;
import io.isolane.sending.repository.SubmissionStore.UsedKey;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Submits the API's send requests: records them (and the Idempotency-Key) first, produces them to
 * send.requests, and reports success only once the broker acknowledged every record. A retry with
 * the same key returns the first request's message ids and produces again whatever was never
 * acknowledged (the consumer stores each message once per id, so that is safe).
 */
@ApplicationScoped
public class Submissions {
  /** Submission state before the broker acknowledged the record. */
  public static final String PENDING = "PENDING";

  /** Submission state once the broker acknowledged the record. */
  public static final String SUBMITTED = "SUBMITTED";

  private static final Logger LOG = Logger.getLogger(Submissions.class);

  private final SubmissionStore store;
  private final SendRequestProducer producer;
  private final ApiConfig config;

  public Submissions(SubmissionStore store, SendRequestProducer producer, ApiConfig config) {
    this.store = store;
    this.producer = producer;
    this.config = config;
  }

  /**
   * What a submission answers.
   *
   * @param batch whether the (first) request was a batch
   * @param messageIds the message ids in request order
   * @param statuses each message's status (ledger status, else SUBMITTED or PENDING)
   * @param replayed whether this repeats an earlier request with the same Idempotency-Key
   */
  public record Submitted(
      boolean batch, List<String> messageIds, Map<String, String> statuses, boolean replayed) {}

  /**
   * Submits the requests {@code build} makes (validated there), unless {@code key} was used before:
   * then the first request's outcome, or {@link IdempotencyKeyReused} if it differed.
   */
  public Uni<Submitted> submit(
      String tenantId,
      String key,
      String fingerprint,
      boolean batch,
      Supplier<List<SendRequest>> build) {
    Uni<Optional<UsedKey>> used =
        key == null ? Uni.createFrom().item(Optional.empty()) : store.findKey(tenantId, key);
    return used.flatMap(
        earlier -> {
          if (earlier.isPresent()) {
            return replay(tenantId, fingerprint, earlier.get());
          }
          List<SendRequest> requests = build.get();
          return store
              .store(tenantId, key, fingerprint, batch, requests)
              .flatMap(
                  raced ->
                      raced.isPresent()
                          ? replay(tenantId, fingerprint, raced.get())
                          : produce(tenantId, requests, batch));
        });
  }

  private Uni<Submitted> produce(String tenantId, List<SendRequest> requests, boolean batch) {
    List<String> ids = requests.stream().map(SendRequest::messageId).toList();
    return producer
        .produce(requests)
        .chain(() -> store.submitted(tenantId, ids))
        .map(ignored -> new Submitted(batch, ids, all(ids, SUBMITTED), false));
  }

  private Uni<Submitted> replay(String tenantId, String fingerprint, UsedKey earlier) {
    if (!earlier.fingerprint().equals(fingerprint)) {
      return Uni.createFrom().failure(new IdempotencyKeyReused());
    }
    List<String> ids = earlier.messageIds();
    return store
        .pending(tenantId, ids)
        .call(
            pending -> pending.isEmpty() ? Uni.createFrom().voidItem() : producer.produce(pending))
        .call(() -> store.submitted(tenantId, ids))
        .chain(() -> store.statuses(tenantId, ids))
        .map(statuses -> new Submitted(earlier.batch(), ids, statuses, true));
  }

  private static Map<String, String> all(List<String> ids, String status) {
    Map<String, String> out = new HashMap<>();
    ids.forEach(id -> out.put(id, status));
    return out;
  }

  @Scheduled(
      every = "${isolane.api.cleanup-interval:10m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> forgetOld() {
    return store
        .deleteBefore(Instant.now().minus(config.idempotencyTtl()))
        .onFailure()
        .invoke(e -> LOG.warnf("deleting expired idempotency keys failed: %s", e))
        .onFailure()
        .recoverWithNull();
  }
}
