package io.isolane.sending.service;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.repository.IntakeRepository;
import io.isolane.sending.repository.IntakeRepository.NewMessage;
import io.isolane.sending.repository.SpillRepository;
import io.isolane.sending.repository.SpillRepository.Spill;
import io.isolane.servicekit.outbox.OutboxRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
    Map<String, List<ConsumerRecord<String, byte[]>>> byTenant = new LinkedHashMap<>();
    records.forEach(r -> byTenant.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
    Set<String> keys = new HashSet<>(byTenant.keySet());
    keys.remove(null);
    return spills.pending(keys).chain(pending -> split(byTenant, pending));
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
    RequestDecoding.Decoded decoded = decoding.decode(records);
    Uni<Void> stored =
        decoded.valid().isEmpty() ? Uni.createFrom().voidItem() : store(decoded.valid());
    return stored.call(decoded::deadLetter);
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

  private Uni<Void> store(SqlClient tx, List<SendRequest> requests) {
    return repository
        .lanes(tx, tenants(requests))
        .map(lanes -> classifyAll(requests, lanes))
        .chain(messages -> repository.store(tx, messages, this::announcements))
        .replaceWithVoid();
  }

  private Uni<Void> store(List<SendRequest> requests) {
    Set<String> tenants = tenants(requests);
    return repository
        .lanes(tenants)
        .map(lanes -> classifyAll(requests, lanes))
        .chain(messages -> repository.store(messages, this::announcements))
        .invoke(() -> tenants.forEach(scheduling::backlog))
        .replaceWithVoid();
  }

  private static Set<String> tenants(List<SendRequest> requests) {
    Set<String> tenants = new HashSet<>();
    requests.forEach(r -> tenants.add(r.tenantId()));
    return tenants;
  }

  private static List<NewMessage> classifyAll(
      List<SendRequest> requests, Map<String, TenantStatus> lanes) {
    return requests.stream().map(r -> classify(r, lanes)).toList();
  }

  private static NewMessage classify(SendRequest r, Map<String, TenantStatus> lanes) {
    TenantStatus status = lanes.get(r.tenantId());
    if (status == null) {
      return new NewMessage(r, MessageStatus.AWAITING_TENANT, null); // announced once settled
    }
    if (status == TenantStatus.DELETING
        || status == TenantStatus.DELETED
        || status == TenantStatus.FAILED) {
      return new NewMessage(r, MessageStatus.FAILED, "tenant " + status.name().toLowerCase());
    }
    return new NewMessage(r, MessageStatus.ACCEPTED, null);
  }

  private List<OutboxRow> announcements(List<NewMessage> stored) {
    List<OutboxRow> rows = new ArrayList<>();
    for (NewMessage m : stored) {
      if (m.status() == MessageStatus.ACCEPTED) {
        rows.add(OutboxRow.of(events.of(m.request(), EmailEventType.ACCEPTED, null, null, "")));
      } else if (m.status() == MessageStatus.FAILED) {
        rows.add(OutboxRow.of(events.of(m.request(), EmailEventType.FAILED, m.reason(), null, "")));
      }
    }
    return rows;
  }
}
