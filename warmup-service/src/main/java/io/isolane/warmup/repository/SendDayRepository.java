package io.isolane.warmup.repository;

import io.isolane.warmup.Ramp;
import io.isolane.warmup.SendDay;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.SenderWarmup;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Per mailbox and local day: sends, hard bounces, complaints, human and negative replies. A
 * domain's figures are the sum of its mailboxes'; a dedicated IP has none (email.events does not
 * say which IP sent).
 */
@ApplicationScoped
public class SendDayRepository implements PanacheRepository<SendDay> {
  private static final String ADD =
      "INSERT INTO send_day (tenant_id, mailbox, day, sent, hard_bounces, complaints)"
          + " VALUES (:tenant, :mailbox, :day, :sent, :hard, :complaints)"
          + " ON CONFLICT (tenant_id, mailbox, day) DO UPDATE SET"
          + " sent = send_day.sent + EXCLUDED.sent,"
          + " hard_bounces = send_day.hard_bounces + EXCLUDED.hard_bounces,"
          + " complaints = send_day.complaints + EXCLUDED.complaints";
  private static final String ADD_REPLIES =
      "INSERT INTO send_day (tenant_id, mailbox, day, replies, negative_replies)"
          + " VALUES (:tenant, :mailbox, :day, :replies, :negative)"
          + " ON CONFLICT (tenant_id, mailbox, day) DO UPDATE SET"
          + " replies = send_day.replies + EXCLUDED.replies,"
          + " negative_replies = send_day.negative_replies + EXCLUDED.negative_replies";
  private static final String SUMS =
      "select coalesce(sum(sent), 0), coalesce(sum(hardBounces), 0), coalesce(sum(complaints), 0),"
          + " coalesce(sum(replies), 0), coalesce(sum(negativeReplies), 0)"
          + " from SendDay where tenantId = ?1 and day = ?3 and ";
  private static final String LAST =
      "select max(day) from SendDay where tenantId = ?1 and sent > 0 and ";
  private static final String ONE_MAILBOX = "mailbox = ?2";
  private static final String ITS_MAILBOXES = "mailbox like ?2";

  /** Adds to a day's counts. */
  public Uni<Void> add(
      String tenantId, String mailbox, LocalDate day, int sent, int hard, int complaints) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(ADD)
                    .setParameter("tenant", tenantId)
                    .setParameter("mailbox", mailbox)
                    .setParameter("day", day)
                    .setParameter("sent", sent)
                    .setParameter("hard", hard)
                    .setParameter("complaints", complaints)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** Adds human replies to a day's counts. */
  public Uni<Void> addReplies(
      String tenantId, String mailbox, LocalDate day, int replies, int negative) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(ADD_REPLIES)
                    .setParameter("tenant", tenantId)
                    .setParameter("mailbox", mailbox)
                    .setParameter("day", day)
                    .setParameter("replies", replies)
                    .setParameter("negative", negative)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** The sender's figures of one of its days. */
  public Uni<Ramp.Day> on(SenderWarmup sender, LocalDate day) {
    if (sender.kind == SenderKind.IP) {
      return Uni.createFrom().item(Ramp.Day.NONE);
    }
    return find(SUMS + filter(sender), sender.tenantId, match(sender), day)
        .project(Object[].class)
        .firstResult()
        .map(
            r ->
                new Ramp.Day(number(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4])));
  }

  /** The last day the sender sent anything, if ever (never known for an IP). */
  public Uni<Optional<LocalDate>> lastSendDay(SenderWarmup sender) {
    if (sender.kind == SenderKind.IP) {
      return Uni.createFrom().item(Optional.empty());
    }
    return find(LAST + filter(sender), sender.tenantId, match(sender))
        .project(LocalDate.class)
        .firstResult()
        .map(Optional::ofNullable);
  }

  private static String filter(SenderWarmup sender) {
    return sender.kind == SenderKind.MAILBOX ? ONE_MAILBOX : ITS_MAILBOXES;
  }

  private static String match(SenderWarmup sender) {
    // domain names have no LIKE wildcards ('_' is not valid in a host name)
    return sender.kind == SenderKind.MAILBOX ? sender.sender : "%@" + sender.sender;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
