package io.isolane.feedback.service;

import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.Addresses;
import io.isolane.feedback.Suppression;
import io.isolane.feedback.repository.SuppressionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a tenant's API key may do with that tenant's suppression list, and nothing more. */
@ApplicationScoped
public class SuppressionAdmin {
  private final SuppressionRepository suppressions;
  private final SuppressionList list;

  public SuppressionAdmin(SuppressionRepository suppressions, SuppressionList list) {
    this.suppressions = suppressions;
    this.list = list;
  }

  /**
   * An address to suppress, as the API received it (already validated).
   *
   * @param address the address
   * @param reason why
   * @param expiresAt when it lapses (null: never)
   */
  public record Entry(String address, SuppressionReason reason, Instant expiresAt) {}

  /** One page of the tenant's list. */
  @WithSession
  public Uni<List<Suppression>> page(
      String tenantId, SuppressionReason reason, String after, int limit) {
    return suppressions.page(tenantId, reason, after == null ? "" : after, limit);
  }

  /** The tenant's suppression of the address, or null. */
  @WithSession
  public Uni<Suppression> find(String tenantId, String address) {
    return suppressions.findById(new Suppression.Key(tenantId, Addresses.normalize(address)));
  }

  /** Suppresses one address; whether anything changed. */
  @WithTransaction
  public Uni<Boolean> add(String tenantId, Entry entry) {
    return suppressOne(tenantId, entry, sourceId());
  }

  /** Suppresses every entry in one transaction; per entry, whether it changed anything. */
  @WithTransaction
  public Uni<List<Boolean>> addAll(String tenantId, List<Entry> entries) {
    String source = sourceId();
    // one after the other: a Hibernate Reactive session is not safe for concurrent use
    return Multi.createFrom()
        .iterable(entries)
        .onItem()
        .transformToUniAndConcatenate(e -> suppressOne(tenantId, e, source))
        .collect()
        .asList();
  }

  /** Lifts the suppression; whether there was one. */
  @WithTransaction
  public Uni<Boolean> remove(String tenantId, String address) {
    return list.lift(tenantId, Addresses.normalize(address), sourceId());
  }

  private Uni<Boolean> suppressOne(String tenantId, Entry e, String source) {
    return list.suppressOnce(
        tenantId, Addresses.normalize(e.address()), e.reason(), source, e.expiresAt());
  }

  private static String sourceId() {
    return "api-" + UUID.randomUUID();
  }
}
