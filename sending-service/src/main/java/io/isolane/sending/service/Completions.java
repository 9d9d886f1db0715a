package io.isolane.sending.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.sending.Claim;
import io.isolane.sending.Lane;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.Outcome;
import io.isolane.sending.SendResult;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.repository.Ledger;
import io.isolane.servicekit.outbox.OutboxRow;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Collects what became of each claimed message (from any thread) and records them in batches, each
 * batch with its events in one transaction, every {@code tick} on a timer of its own: the
 * scheduler's next claim never waits for this write. Nothing is dropped: a batch that cannot be
 * written is kept and written on the next round.
 */
@ApplicationScoped
public class Completions {
  private static final Logger LOG = Logger.getLogger(Completions.class);
  private static final Duration THROTTLE_RETRY = Duration.ofSeconds(1);
  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

  private final Ledger ledger;
  private final LifecycleEvents events;
  private final Lanes lanes;
  private final SendingConfig config;
  private final Queue<Done> done = new ConcurrentLinkedQueue<>();
  private final Rounds rounds = new Rounds();
  // SES throttles recorded since the scheduler last asked, for it to back the account rate off
  private final AtomicInteger throttles = new AtomicInteger();

  public Completions(Ledger ledger, LifecycleEvents events, Lanes lanes, SendingConfig config) {
    this.ledger = ledger;
    this.events = events;
    this.lanes = lanes;
    this.config = config;
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    rounds.start(vertx, config.tick(), this::record);
  }

  void stop(@Observes ShutdownEvent shutdown) {
    rounds.stop();
  }

  /** How often SES throttled in what was recorded since the last call. */
  int throttlesSinceAsked() {
    return throttles.getAndSet(0);
  }

  /** A settled message, with the lane it belongs to and SES's answer if SES was called. */
  record Done(Outcome outcome, Lane lane, SendResult result) {}

  void settled(Outcome outcome, Lane lane) {
    done.add(new Done(outcome, lane, null));
  }

  /** Turns SES's answer into the message's outcome. */
  void answered(Claim claim, Lane lane, SendResult result, String note) {
    done.add(new Done(outcome(claim, result, note, Instant.now()), lane, result));
  }

  private Outcome outcome(Claim claim, SendResult result, String note, Instant now) {
    if (result instanceof SendResult.Sent s) {
      return Outcome.sent(claim, s.sesMessageId(), note);
    }
    if (result instanceof SendResult.Throttled t) {
      return Outcome.deferred(claim, "SES throttled: " + t.detail(), now.plus(THROTTLE_RETRY));
    }
    if (result instanceof SendResult.Paused p) {
      return Outcome.deferred(claim, p.detail(), null);
    }
    if (result instanceof SendResult.Rejected r) {
      return Outcome.terminal(
          claim, MessageStatus.FAILED, EmailEventType.FAILED, r.code() + ": " + r.detail());
    }
    if (result instanceof SendResult.Retryable r) {
      return Outcome.deferred(
          claim, "SES " + r.code() + ": " + r.detail(), now.plus(config.requeueDelay()));
    }
    SendResult.Unknown u = (SendResult.Unknown) result;
    return Outcome.terminal(claim, MessageStatus.IN_DOUBT, EmailEventType.IN_DOUBT, u.detail());
  }

  /** Records everything settled so far; a round that hangs gives way to the next. */
  Uni<Integer> record() {
    return flush()
        .invoke(throttles::addAndGet)
        .ifNoItem()
        .after(ROUND_TIMEOUT)
        .fail()
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("recording outcomes did not finish, the next round goes on: %s", e);
              return 0;
            });
  }

  /** Records everything settled so far; returns how often SES throttled in it. */
  private Uni<Integer> flush() {
    List<Done> batch = new ArrayList<>();
    for (Done d; (d = done.poll()) != null; ) {
      batch.add(d);
    }
    if (batch.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    List<Outcome> outcomes = batch.stream().map(Done::outcome).toList();
    List<OutboxRow> rows = new ArrayList<>();
    int throttled = 0;
    for (Done d : batch) {
      Outcome o = d.outcome();
      if (o.event() != null) {
        String step = o.event() == EmailEventType.DEFERRED ? "/" + o.claim().attempts() : "";
        rows.add(
            OutboxRow.of(
                events.of(o.claim().request(), o.event(), o.reason(), o.sesMessageId(), step)));
      }
      if (d.result() instanceof SendResult.Throttled) {
        throttled++;
      }
      if (d.result() instanceof SendResult.Paused p) {
        lanes.pausedBySes(d.lane());
        rows.add(OutboxRow.of(pauseCommand(d.lane(), p.detail())));
      }
    }
    int throttles = throttled;
    return ledger
        .record(outcomes, rows)
        .replaceWith(throttles)
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("recording %d outcomes failed, keeping them: %s", batch.size(), e);
              done.addAll(batch);
              return throttles;
            });
  }

  /** SES paused the tenant: tell tenant-service (once per tenant state) so the pause is seen. */
  private ContractEvent<TenantCommand> pauseCommand(Lane lane, String detail) {
    TenantCommand command =
        new TenantCommand(
            UUID.randomUUID().toString(),
            lane.tenantId(),
            TenantCommand.Action.PAUSE,
            TenantCommand.Scope.TENANT,
            null,
            "SES paused sending: " + detail,
            "sending-service",
            Instant.now());
    String key = lane.tenantId() + "/" + lane.version() + "/ses-paused";
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    return ContractEvent.withId(id, EventTypes.TENANT_COMMAND, config.eventSource(), command);
  }
}
