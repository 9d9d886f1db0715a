package io.isolane.warmup.repository;

import io.isolane.warmup.SendDay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

/** Per mailbox and local day: sends, hard bounces, complaints. */
@ApplicationScoped
public class SendDayRepository implements PanacheRepository<SendDay> {
  private static final String ADD =
      "INSERT INTO send_day (tenant_id, mailbox, day, sent, hard_bounces, complaints)"
          + " VALUES (:tenant, :mailbox, :day, :sent, :hard, :complaints)"
          + " ON CONFLICT (tenant_id, mailbox, day) DO UPDATE SET"
          + " sent = send_day.sent + EXCLUDED.sent,"
          + " hard_bounces = send_day.hard_bounces + EXCLUDED.hard_bounces,"
          + " complaints = send_day.complaints + EXCLUDED.complaints";

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

  /** A mailbox's counts of one day, if it had any. */
  public Uni<Optional<SendDay>> on(String tenantId, String mailbox, LocalDate day) {
    return find("tenantId = ?1 and mailbox = ?2 and day = ?3", tenantId, mailbox, day)
        .firstResult()
        .map(Optional::ofNullable);
  }

  /** The last day the mailbox sent anything, if ever. */
  public Uni<Optional<LocalDate>> lastSendDay(String tenantId, String mailbox) {
    return find(
            "select max(day) from SendDay where tenantId = ?1 and mailbox = ?2 and sent > 0",
            tenantId,
            mailbox)
        .project(LocalDate.class)
        .firstResult()
        .map(Optional::ofNullable);
  }
}
