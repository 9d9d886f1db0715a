package io.isolane.sending.service;

import io.isolane.contracts.events.MailboxLimits;
import io.isolane.sending.MailboxPace;
import io.isolane.sending.messaging.OwnedPartitions;
import io.isolane.sending.repository.MailboxLimitRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The scheduler's view of mailbox limits from warm-up: which mailboxes are paced and how many
 * messages each may send now. A mailbox without limits is paced only by its tenant (and its
 * domain's cap, {@link DomainPacing}).
 */
@ApplicationScoped
public class MailboxPacing extends Paces<MailboxLimits, MailboxPace> {
  private final MailboxLimitRepository repository;
  private final OwnedPartitions owned;
  private final Random random = new Random();

  public MailboxPacing(MailboxLimitRepository repository, OwnedPartitions owned) {
    this.repository = repository;
    this.owned = owned;
  }

  @Override
  OwnedPartitions owned() {
    return owned;
  }

  @Override
  String keyOf(MailboxLimits l) {
    return key(l.tenantId(), l.mailbox());
  }

  @Override
  Instant computedAt(MailboxLimits l) {
    return l.computedAt();
  }

  @Override
  Uni<List<MailboxLimits>> stored() {
    return repository.all();
  }

  @Override
  Uni<MailboxPace> counted(MailboxLimits l, Instant now) {
    String mailbox = l.mailbox().toLowerCase(Locale.ROOT);
    return repository
        .usage(l.tenantId(), mailbox, MailboxPace.dayStart(l, now), now)
        .map(u -> new MailboxPace(l, u.sentToday(), u.lastSentAt(), u.lastHour(), now));
  }

  @Override
  void update(MailboxPace pace, MailboxLimits l) {
    pace.limits(l);
  }

  /** How many messages the mailbox may send now; unlimited mailboxes answer {@code max}. */
  int allowance(String tenantId, String mailbox, Instant now, int max) {
    String key = key(tenantId, mailbox);
    if (!limited(key)) {
      return max;
    }
    MailboxPace pace = pace(key);
    return pace == null ? 0 : Math.min(max, pace.allowance(now));
  }

  /** When a message to {@code domain} may go if the mailbox's hourly cap for it is reached. */
  Instant domainCappedUntil(String tenantId, String mailbox, String domain, Instant now) {
    MailboxPace pace = pace(key(tenantId, mailbox));
    return pace == null ? null : pace.domainCappedUntil(domain, now);
  }

  /** A message of the mailbox goes to SES now. */
  void sent(String tenantId, String mailbox, String domain, Instant now) {
    MailboxPace pace = pace(key(tenantId, mailbox));
    if (pace != null) {
      pace.sent(domain, now, random);
    }
  }

  /**
   * When the mailbox may send next at the earliest, as far as its own limits go: {@code now} for a
   * mailbox without limits, null when it cannot send within a week.
   */
  public Instant nextSendAt(String tenantId, String mailbox, Instant now) {
    MailboxPace pace = pace(key(tenantId, mailbox));
    if (pace == null) {
      return now; // unlimited, or its sends are still being counted
    }
    return pace.nextSendAt(now);
  }

  private static String key(String tenantId, String mailbox) {
    return tenantId + "/" + mailbox.toLowerCase(Locale.ROOT);
  }
}
