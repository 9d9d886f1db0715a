package io.isolane.sending;

import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's lane as the scheduler sees it: its status, limits and the state it sends with.
 *
 * @param tenantId tenant
 * @param status tenant status (only active lanes send)
 * @param maxPerSecond tenant-wide rate
 * @param maxPerDay tenant-wide daily limit
 * @param version tenant.state version
 * @param state the full tenant.state (null for lanes stored before it was kept)
 * @param sendingMailboxes the mailboxes that may send (not paused, on a ready domain), lower case
 */
public record Lane(
    String tenantId,
    TenantStatus status,
    int maxPerSecond,
    int maxPerDay,
    long version,
    TenantState state,
    List<String> sendingMailboxes) {

  public static Lane of(
      String tenantId,
      TenantStatus status,
      int maxPerSecond,
      int maxPerDay,
      long version,
      TenantState state) {
    List<String> sending =
        state == null
            ? List.of()
            : state.mailboxes().stream()
                .filter(m -> m.status() != MailboxStatus.PAUSED)
                .map(m -> m.address().toLowerCase(Locale.ROOT))
                .filter(a -> domainReady(state, a))
                .toList();
    return new Lane(tenantId, status, maxPerSecond, maxPerDay, version, state, sending);
  }

  public boolean deleted() {
    return status == TenantStatus.DELETED || status == TenantStatus.DELETING;
  }

  public Optional<TenantState.Mailbox> mailbox(String address) {
    return state == null
        ? Optional.empty()
        : state.mailboxes().stream().filter(m -> m.address().equalsIgnoreCase(address)).findFirst();
  }

  /** Whether the mailbox's domain is verified and aligned. */
  public boolean domainReady(String address) {
    return state != null && domainReady(state, address);
  }

  private static boolean domainReady(TenantState state, String address) {
    String domain = address.substring(address.lastIndexOf('@') + 1);
    return state.domains().stream().anyMatch(d -> d.name().equalsIgnoreCase(domain) && d.ready());
  }

  public Optional<String> configurationSet(Stream stream) {
    return state == null || state.streams() == null
        ? Optional.empty()
        : state.streams().stream()
            .filter(s -> s.stream() == stream)
            .map(TenantState.SendingStream::configurationSet)
            .findFirst();
  }
}
