package io.isolane.sending.service;

import io.isolane.contracts.events.DomainLimits;
import io.isolane.sending.DomainPace;
import io.isolane.sending.messaging.OwnedPartitions;
import io.isolane.sending.repository.DomainLimitRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The scheduler's view of domain limits from warm-up: how many more messages the mailboxes of one
 * sending (From) domain may send today, together. A domain without limits is not capped.
 */
@ApplicationScoped
public class DomainPacing extends Paces<DomainLimits, DomainPace> {
  private final DomainLimitRepository repository;
  private final OwnedPartitions owned;

  public DomainPacing(DomainLimitRepository repository, OwnedPartitions owned) {
    this.repository = repository;
    this.owned = owned;
  }

  @Override
  OwnedPartitions owned() {
    return owned;
  }

  @Override
  String keyOf(DomainLimits l) {
    return key(l.tenantId(), l.domain());
  }

  @Override
  Instant computedAt(DomainLimits l) {
    return l.computedAt();
  }

  @Override
  Uni<List<DomainLimits>> stored() {
    return repository.all();
  }

  @Override
  Uni<DomainPace> counted(DomainLimits l, Instant now) {
    return repository
        .sentSince(l.tenantId(), l.domain().toLowerCase(Locale.ROOT), DomainPace.dayStart(l, now))
        .map(sent -> new DomainPace(l, sent, now));
  }

  @Override
  void update(DomainPace pace, DomainLimits l) {
    pace.limits(l);
  }

  /**
   * How many more messages the mailbox's domain may send now; uncapped domains answer {@code max}.
   */
  int allowance(String tenantId, String mailbox, Instant now, int max) {
    String key = key(tenantId, domainOf(mailbox));
    if (!limited(key)) {
      return max;
    }
    DomainPace pace = pace(key);
    return pace == null ? 0 : Math.min(max, pace.allowance(now));
  }

  /** A message of the mailbox goes to SES now: it counts against its domain's cap. */
  void sent(String tenantId, String mailbox, Instant now) {
    DomainPace pace = pace(key(tenantId, domainOf(mailbox)));
    if (pace != null) {
      pace.sent(now);
    }
  }

  /** When the mailbox's domain lets it send next: {@code now} for an uncapped domain. */
  Instant nextSendAt(String tenantId, String mailbox, Instant now) {
    DomainPace pace = pace(key(tenantId, domainOf(mailbox)));
    return pace == null ? now : pace.nextSendAt(now);
  }

  /** The sending domain of a mailbox, lower case. */
  static String domainOf(String mailbox) {
    return mailbox.substring(mailbox.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  private static String key(String tenantId, String domain) {
    return tenantId + "/" + domain.toLowerCase(Locale.ROOT);
  }
}
