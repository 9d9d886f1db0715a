package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.feedback.HealthFigures;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.Observation;
import io.isolane.feedback.repository.BatchWrites;
import io.isolane.feedback.repository.HealthRepository;
import io.isolane.feedback.repository.ReportRepository;
import io.isolane.feedback.repository.SentMessageRepository;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every tenant's rolling health figures and report counters as events arrive, and has {@link
 * HealthVerdicts} judge the senders whose figures moved, all in the transaction that counts the
 * event, once per event.
 */
@ApplicationScoped
public class HealthMonitor {
  private static final String PREFIX = "health:";

  private final Pool pool;
  private final HealthRepository health;
  private final ReportRepository reports;
  private final HealthEvents events;
  private final HealthVerdicts verdicts;
  private final SentMessageRepository sentMessages;
  private final BatchWrites writes;

  public HealthMonitor(
      Pool pool,
      HealthRepository health,
      ReportRepository reports,
      HealthEvents events,
      HealthVerdicts verdicts,
      SentMessageRepository sentMessages,
      BatchWrites writes) {
    this.writes = writes;
    this.sentMessages = sentMessages;
    this.pool = pool;
    this.health = health;
    this.reports = reports;
    this.events = events;
    this.verdicts = verdicts;
  }

  /**
   * Counts a poll of email events in one transaction; sent ones are also remembered by their SES
   * message id. Each tenant's senders are judged once, on the poll's figures.
   */
  public Uni<Void> record(List<ContractEvent<EmailEvent>> events) {
    Instant now = Instant.now();
    return pool.withTransaction(
        c ->
            writes
                .firstTimes(c, events, PREFIX, ContractEvent::id, e -> e.data().tenantId(), now)
                .chain(firsts -> sentMessages.remember(c, sent(firsts)).replaceWith(firsts))
                .chain(firsts -> observeEach(c, firsts)));
  }

  /** Counts a classified reply. */
  public Uni<Void> recordReply(ContractEvent<ReplyClassified> event) {
    String tenantId = event.data().tenantId();
    return once(
        event.id(), tenantId, c -> observe(c, tenantId, List.of(Observation.of(event.data()))));
  }

  /** After a resume the sender starts afresh: healthy, its window empty, its breach on record. */
  public Uni<Void> resumed(ContractEvent<TenantCommand> event) {
    TenantCommand command = event.data();
    if (command.action() != TenantCommand.Action.RESUME) {
      return Uni.createFrom().voidItem();
    }
    return once(event.id(), command.tenantId(), c -> afresh(c, command));
  }

  private Uni<Void> once(
      String eventId, String tenantId, java.util.function.Function<SqlConnection, Uni<Void>> work) {
    return pool.withTransaction(
        c ->
            health
                .markProcessed(c, PREFIX + eventId, tenantId)
                .chain(first -> first ? work.apply(c) : Uni.createFrom().voidItem()));
  }

  private Uni<Void> observeEach(SqlConnection c, List<ContractEvent<EmailEvent>> events) {
    Map<String, List<Observation>> byTenant = new LinkedHashMap<>();
    for (ContractEvent<EmailEvent> e : events) {
      Observation.of(e.data())
          .ifPresent(
              o -> byTenant.computeIfAbsent(e.data().tenantId(), t -> new ArrayList<>()).add(o));
    }
    return Multi.createFrom()
        .iterable(byTenant.entrySet())
        .onItem()
        .transformToUniAndConcatenate(t -> observe(c, t.getKey(), t.getValue()))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> observe(SqlConnection c, String tenantId, List<Observation> observations) {
    Map<HealthSubject, HealthFigures> deltas = deltas(observations);
    Uni<Void> counted = reports.count(c, tenantId, observations);
    return deltas.isEmpty()
        ? counted
        : counted
            .chain(() -> health.tally(c, tenantId, deltas, verdicts.windowSends()))
            .chain(figures -> verdicts.judge(c, tenantId, figures));
  }

  private Uni<Void> afresh(SqlConnection c, TenantCommand command) {
    HealthSubject subject = HealthEvents.subjectOf(command);
    String why = "resumed by " + command.issuer() + " (" + command.reason() + ") after: ";
    return health
        .forget(c, command.tenantId(), subject)
        .chain(() -> health.resume(c, command.tenantId(), subject, why))
        .chain(
            resumed ->
                resumed.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : writes.outbox(
                        c,
                        List.of(
                            OutboxRow.of(
                                events.health(
                                    command.tenantId(),
                                    subject,
                                    SenderHealth.Status.HEALTHY,
                                    resumed.get().previous(),
                                    resumed.get().figures(),
                                    resumed.get().reason(),
                                    null,
                                    Instant.now())))));
  }

  private static Map<HealthSubject, HealthFigures> deltas(List<Observation> observations) {
    Map<HealthSubject, HealthFigures> deltas = new LinkedHashMap<>();
    for (Observation o : observations) {
      for (HealthSubject s : o.subjects()) {
        HealthFigures d =
            s.scope() == SenderHealth.Scope.RECIPIENT_DOMAIN ? o.recipientDelta() : o.delta();
        if (!d.equals(HealthFigures.NONE)) {
          deltas.merge(s, d, HealthFigures::plus);
        }
      }
    }
    return deltas;
  }

  private static List<EmailEvent> sent(List<ContractEvent<EmailEvent>> events) {
    return events.stream()
        .map(ContractEvent::data)
        .filter(e -> e.type() == EmailEventType.SENT && e.sesMessageId() != null)
        .toList();
  }
}
