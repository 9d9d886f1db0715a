package io.isolane.sending.service;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.messaging.DeadLetters;
import io.isolane.sending.repository.IntakeRepository;
import io.isolane.sending.repository.IntakeRepository.NewMessage;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Takes send requests off the topic into the durable per-tenant store, a poll at a time, never
 * waiting on any tenant's limits. A request is stored once per (tenant, message id): accepted when
 * its tenant takes mail, failed when the tenant is gone, waiting when the tenant is not known yet.
 * A request older than the ledger's retention is dead-lettered: the ledger may have forgotten it.
 */
@ApplicationScoped
public class BatchIntake {
  static final String TOO_OLD =
      "requested before the ledger's retention (isolane.sending.retention.terminal): it may have"
          + " been sent already, so it is not stored again";

  private final IntakeRepository repository;
  private final DeadLetters deadLetters;
  private final LifecycleEvents events;
  private final Lanes scheduling;
  private final SendingConfig config;

  public BatchIntake(
      IntakeRepository repository,
      DeadLetters deadLetters,
      LifecycleEvents events,
      Lanes scheduling,
      SendingConfig config) {
    this.repository = repository;
    this.deadLetters = deadLetters;
    this.events = events;
    this.scheduling = scheduling;
    this.config = config;
  }

  public Uni<Void> intake(ConsumerRecords<String, byte[]> records) {
    List<SendRequest> valid = new ArrayList<>();
    List<Uni<Void>> rejected = new ArrayList<>();
    Instant retained = Instant.now().minus(config.retention().terminal());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        SendRequest request = EventCodec.decode(EventTypes.SEND_REQUEST, record).data();
        if (requested(request, record).isBefore(retained)) {
          // the ledger no longer remembers that far back: it may have been sent and purged
          rejected.add(deadLetters.reject(record, TOO_OLD));
        } else {
          valid.add(request);
        }
      } catch (RejectedEventException e) {
        rejected.add(deadLetters.reject(record, e.getMessage()));
      }
    }
    Uni<Void> stored = valid.isEmpty() ? Uni.createFrom().voidItem() : store(valid);
    return stored.call(() -> all(rejected));
  }

  private static Instant requested(SendRequest request, ConsumerRecord<String, byte[]> record) {
    return request.requestedAt() != null
        ? request.requestedAt()
        : Instant.ofEpochMilli(record.timestamp());
  }

  private Uni<Void> store(List<SendRequest> requests) {
    Set<String> tenants = new HashSet<>();
    requests.forEach(r -> tenants.add(r.tenantId()));
    return repository
        .lanes(tenants)
        .map(lanes -> requests.stream().map(r -> classify(r, lanes)).toList())
        .chain(messages -> repository.store(messages, this::announcements))
        .invoke(() -> tenants.forEach(scheduling::backlog))
        .replaceWithVoid();
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

  private static Uni<Void> all(List<Uni<Void>> unis) {
    return unis.isEmpty()
        ? Uni.createFrom().voidItem()
        : Multi.createFrom()
            .iterable(unis)
            .onItem()
            .transformToUniAndConcatenate(u -> u)
            .collect()
            .last()
            .replaceWithVoid();
  }
}
