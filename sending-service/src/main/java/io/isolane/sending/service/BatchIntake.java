package io.isolane.sending.service;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.repository.IntakeRepository;
import io.isolane.sending.repository.IntakeRepository.NewMessage;
import io.isolane.sending.repository.IntakeRepository.Prepared;
import io.isolane.sending.repository.SpillRepository;
import io.isolane.sending.repository.SpillRepository.Spill;
import io.isolane.sending.service.RequestDecoding.Arrived;
import io.isolane.servicekit.outbox.OutboxRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Takes send requests off the topic into the durable per-tenant store, a poll at a time, never
 * waiting on any tenant's limits. A request is stored once per (tenant, message id): accepted when
 * its tenant takes mail, failed when the tenant is gone, waiting when the tenant is not known yet.
 * A request older than the ledger's retention is dead-lettered: the ledger may have forgotten it. A
 * tenant's burst is parked as it came and taken in by {@link SpillDrain}, so other tenants' records
 * behind it on the partition never wait for it.
 */
@ApplicationScoped
public class BatchIntake {

  private final IntakeRepository repository;
  private final RequestDecoding decoding;
  private final LifecycleEvents events;
  private final Lanes scheduling;
  private final SendingConfig config;
  private final SpillRepository spills;
  private final IntakePressure pressure;
  private final Counter storedAtOnce;
  private final Counter parked;
  private final Timer pollTime;

  public BatchIntake(
      IntakeRepository repository,
      SpillRepository spills,
      IntakePressure pressure,
      MeterRegistry metrics,
      RequestDecoding decoding,
      LifecycleEvents events,
      Lanes scheduling,
      SendingConfig config) {
    this.repository = repository;
    this.spills = spills;
    this.pressure = pressure;
    this.storedAtOnce = metrics.counter("isolane.sending.intake.records", "path", "direct");
    this.parked = metrics.counter("isolane.sending.intake.records", "path", "parked");
    this.pollTime = metrics.timer("isolane.sending.intake.poll");
    this.decoding = decoding;
    this.events = events;
    this.scheduling = scheduling;
    this.config = config;
  }

  /**
   * Takes in a poll: up to {@code intake.direct-per-tenant} records of each tenant straight into
   * the ledger, the rest of a tenant's burst (and all of a tenant that still has records parked, so
   * its mail keeps its order) parked as they are. Completes once both are committed.
   */
  public Uni<Void> intake(ConsumerRecords<String, byte[]> records) {
    pressure.polled(records.count());
    long start = System.nanoTime();
    Map<String, List<ConsumerRecord<String, byte[]>>> byTenant = new LinkedHashMap<>();
    records.forEach(r -> byTenant.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
    Set<String> keys = new HashSet<>(byTenant.keySet());
    keys.remove(null);
    return spills
        .pending(keys)
        .chain(pending -> split(byTenant, pending))
        .invoke(() -> pollTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }

  private Uni<Void> split(
      Map<String, List<ConsumerRecord<String, byte[]>>> byTenant, Set<String> pending) {
    int direct = config.intake().directPerTenant();
    List<ConsumerRecord<String, byte[]>> now = new ArrayList<>();
    List<Spill> toPark = new ArrayList<>();
    byTenant.forEach(
        (tenant, list) -> {
          int keep = tenant == null ? list.size() : pending.contains(tenant) ? 0 : direct;
          now.addAll(list.subList(0, Math.min(keep, list.size())));
          // small rows: a drain's turn takes several, or one while the consumer is behind
          for (int from = keep; from < list.size(); from += SpillDrain.ROW_RECORDS) {
            int to = Math.min(list.size(), from + SpillDrain.ROW_RECORDS);
            toPark.add(new Spill(tenant, list.subList(from, to)));
          }
        });
    int parking = toPark.stream().mapToInt(p -> p.records().size()).sum();
    // the direct part first: a parked row is taken in by the drain at once, and must queue after it
    return takeIn(now)
        .chain(() -> spills.spill(toPark))
        .invoke(
            () -> {
              storedAtOnce.increment(now.size());
              parked.increment(parking);
            });
  }

  /** Stores the records' valid requests in one transaction, then dead-letters the rest. */
  private Uni<Void> takeIn(List<ConsumerRecord<String, byte[]>> records) {
    if (records.isEmpty()) {
      return Uni.createFrom().voidItem(); // the whole poll parked: no hop to a worker
    }
    return Uni.createFrom()
        .item(() -> decoding.decode(records))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .chain(
            d ->
                (d.valid().isEmpty() ? Uni.createFrom().voidItem() : store(d.valid()))
                    .call(d::deadLetter));
  }

  /**
   * Takes in parked records on the transaction {@code tx} that deletes them: the rejected ones are
   * dead-lettered before it commits, so none is lost if it does not.
   */
  public Uni<Void> takeIn(SqlClient tx, List<ConsumerRecord<String, byte[]>> records) {
    return Uni.createFrom()
        .item(() -> decoding.decode(records))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // the event loop sends meanwhile
        .call(RequestDecoding.Decoded::deadLetter)
        .chain(decoded -> store(tx, decoded.valid()));
  }

  private Uni<Void> store(SqlClient tx, List<Arrived> requests) {
    return repository
        .lanes(tx, tenants(requests))
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(lanes -> prepare(requests, lanes))
        .chain(batch -> repository.store(tx, batch))
        .replaceWithVoid();
  }

  private Uni<Void> store(List<Arrived> requests) {
    Set<String> tenants = tenants(requests);
    return repository
        .lanes(tenants)
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(lanes -> prepare(requests, lanes))
        .chain(repository::store)
        .invoke(() -> tenants.forEach(scheduling::backlog))
        .replaceWithVoid();
  }

  /**
   * The requests' rows and events: JSON and column building that a thousand requests make long
   * enough to hold up everything else on an event loop, hence run on a worker.
   */
  private Prepared prepare(List<Arrived> requests, Map<String, TenantStatus> lanes) {
    return IntakeRepository.prepare(
        requests.stream().map(r -> classify(r, lanes)).toList(), this::announcement);
  }

  private static Set<String> tenants(List<Arrived> requests) {
    Set<String> tenants = new HashSet<>();
    requests.forEach(r -> tenants.add(r.request().tenantId()));
    return tenants;
  }

  private static NewMessage classify(Arrived a, Map<String, TenantStatus> lanes) {
    TenantStatus status = lanes.get(a.request().tenantId());
    if (status == null) {
      // announced once settled
      return new NewMessage(a.request(), a.body(), MessageStatus.AWAITING_TENANT, null);
    }
    if (status == TenantStatus.DELETING
        || status == TenantStatus.DELETED
        || status == TenantStatus.FAILED) {
      String reason = "tenant " + status.name().toLowerCase();
      return new NewMessage(a.request(), a.body(), MessageStatus.FAILED, reason);
    }
    return new NewMessage(a.request(), a.body(), MessageStatus.ACCEPTED, null);
  }

  private OutboxRow announcement(NewMessage m) {
    return switch (m.status()) {
      case ACCEPTED ->
          OutboxRow.of(events.of(m.request(), EmailEventType.ACCEPTED, null, null, ""));
      case FAILED ->
          OutboxRow.of(events.of(m.request(), EmailEventType.FAILED, m.reason(), null, ""));
      default -> null;
    };
  }
}
