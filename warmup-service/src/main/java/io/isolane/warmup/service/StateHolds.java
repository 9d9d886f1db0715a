package io.isolane.warmup.service;

import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.warmup.KnownTenant;
import io.isolane.warmup.Ramp;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a newer tenant.state says about senders already enrolled: a paused mailbox or a suspended
 * tenant holds them (cut back once at once, like a breach, and held until released and healthy); a
 * mailbox or domain no longer in the state is retired (no more daily caps), and comes back if it
 * reappears. Runs in the caller's transaction.
 */
@ApplicationScoped
public class StateHolds {
  static final String TRIGGER = "state";

  private final SenderWarmupRepository senders;
  private final Standings standings;
  private final CapRecorder recorder;
  private final Ramp ramp;

  public StateHolds(
      SenderWarmupRepository senders, Standings standings, CapRecorder recorder, Ramp ramp) {
    this.senders = senders;
    this.standings = standings;
    this.recorder = recorder;
    this.ramp = ramp;
  }

  /** Applies the state's holds and removals to the tenant's senders. */
  public Uni<Void> apply(KnownTenant tenant, TenantState state) {
    Map<String, String> holds = holdsOf(state);
    Set<String> present = new HashSet<>();
    boolean gone =
        state.status() == TenantStatus.DELETING || state.status() == TenantStatus.DELETED;
    if (!gone) {
      state.domains().forEach(d -> present.add(d.name().toLowerCase()));
      state.mailboxes().forEach(m -> present.add(m.address().toLowerCase()));
    }
    return senders
        .lockAllOf(tenant.tenantId)
        .chain(
            all ->
                Multi.createFrom()
                    .iterable(all)
                    .onItem()
                    .transformToUniAndConcatenate(s -> apply(s, holds, present, gone))
                    .collect()
                    .last()
                    .replaceWithVoid());
  }

  private Uni<Void> apply(
      SenderWarmup sender, Map<String, String> holds, Set<String> present, boolean gone) {
    // dedicated IPs are not in tenant.state: a deleted tenant or leaving the pool retires them
    sender.retired =
        gone || (sender.kind == SenderKind.IP ? sender.leftPool : !present.contains(sender.sender));
    String hold = holds.getOrDefault(sender.sender, holds.get(""));
    boolean newlyHeld = hold != null && sender.heldByState == null;
    sender.heldByState = hold;
    if (!newlyHeld || sender.retired) {
      return Uni.createFrom().voidItem();
    }
    return standings
        .of(sender, sender.lastComputedDay)
        .chain(
            s ->
                ramp.onBreach(s)
                    .map(d -> recorder.record(sender, sender.lastComputedDay, TRIGGER, d))
                    .orElse(Uni.createFrom().voidItem()));
  }

  /** Sender → why it is held; key "" holds every sender of the tenant. */
  private static Map<String, String> holdsOf(TenantState state) {
    Map<String, String> holds = new HashMap<>();
    if (state.status() == TenantStatus.SUSPENDED) {
      holds.put("", "tenant suspended" + because(state.statusReason()));
    }
    for (TenantState.Mailbox m : state.mailboxes()) {
      if (m.status() == MailboxStatus.PAUSED) {
        holds.put(m.address().toLowerCase(), "mailbox paused" + because(m.statusReason()));
      }
    }
    return holds;
  }

  private static String because(String reason) {
    String text = reason == null || reason.isBlank() ? "" : ": " + reason;
    return text.length() > 300 ? text.substring(0, 300) : text;
  }
}
