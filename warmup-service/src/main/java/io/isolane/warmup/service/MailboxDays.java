package io.isolane.warmup.service;

import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.ProcessedEventRepository;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * What an event counts for a mailbox goes to the mailbox's local day (in its warm-up's zone, the
 * default zone for a mailbox not enrolled yet), once per event id.
 */
@ApplicationScoped
public class MailboxDays {
  private final ProcessedEventRepository processed;
  private final SenderWarmupRepository senders;
  private final WarmupConfig config;
  private final Clock clock;

  public MailboxDays(
      ProcessedEventRepository processed,
      SenderWarmupRepository senders,
      WarmupConfig config,
      Clock clock) {
    this.processed = processed;
    this.senders = senders;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Runs {@code count} with the local date of {@code at} for the mailbox (lower case), unless an
   * event with this id was counted before. Runs inside the caller's transaction.
   */
  public Uni<Void> once(
      String eventId,
      String tenantId,
      String mailbox,
      Instant at,
      Function<LocalDate, Uni<Void>> count) {
    return processed
        .firstTime(eventId, clock.instant())
        .chain(
            first ->
                first
                    ? localDay(tenantId, mailbox, at).chain(day -> count.apply(day))
                    : Uni.createFrom().voidItem());
  }

  private Uni<LocalDate> localDay(String tenantId, String mailbox, Instant at) {
    return senders
        .of(tenantId, mailbox)
        .map(
            s ->
                LocalDate.ofInstant(
                    at, ZoneId.of(s == null ? config.defaultTimeZone() : s.timeZone)));
  }

  /** The instant an event happened, or now when it does not say. */
  Instant orNow(Instant at) {
    return at == null ? clock.instant() : at;
  }
}
