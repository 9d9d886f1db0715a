package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.TenantState;
import io.isolane.warmup.ApiKey;
import io.isolane.warmup.Decision;
import io.isolane.warmup.KnownTenant;
import io.isolane.warmup.Phase;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Presets;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.ApiKeyRepository;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.isolane.warmup.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies tenant.state: keeps the tenant and its API key digests, and enrolls every new mailbox
 * (and every domain of a dedicated tenant) in the tenant's plan, publishing its first day's limits.
 * Snapshots not newer than the last applied change nothing, so replays enroll nobody twice.
 */
@ApplicationScoped
public class EnrollmentService {
  static final String TRIGGER = "enrolled";

  private final SenderWarmupRepository senders;
  private final TenantRepository tenants;
  private final ApiKeyRepository keys;
  private final Standings standings;
  private final CapRecorder recorder;
  private final WarmupConfig config;
  private final Clock clock;
  private final StateHolds holds;

  public EnrollmentService(
      SenderWarmupRepository senders,
      TenantRepository tenants,
      ApiKeyRepository keys,
      Standings standings,
      CapRecorder recorder,
      WarmupConfig config,
      Clock clock,
      StateHolds holds) {
    this.holds = holds;
    this.senders = senders;
    this.tenants = tenants;
    this.keys = keys;
    this.standings = standings;
    this.recorder = recorder;
    this.config = config;
    this.clock = clock;
  }

  /** Applies the snapshot if it is newer than the last one. */
  @WithTransaction
  public Uni<Void> apply(ContractEvent<TenantState> event) {
    TenantState state = event.data();
    return tenants
        .findById(state.tenantId())
        .chain(
            known -> {
              if (known != null && known.version >= state.version()) {
                return Uni.createFrom().voidItem();
              }
              KnownTenant tenant = known == null ? new KnownTenant() : known;
              tenant.tenantId = state.tenantId();
              tenant.version = state.version();
              tenant.tier = state.tier();
              tenant.status = state.status();
              String pools = poolsOf(state);
              if (!List.of(tenant.ipPools.split(",")).containsAll(List.of(pools.split(",")))) {
                tenant.ipsDiscoveredAt = null; // a new pool: the discovery job lists it at once
              }
              tenant.ipPools = pools;
              return tenants
                  .persist(tenant)
                  .chain(() -> keys.replace(state.tenantId(), ApiKey.allOf(state)))
                  .chain(() -> senders.enrolled(state.tenantId()))
                  .chain(enrolled -> enrollAll(tenant, newSenders(state, enrolled)))
                  .chain(() -> holds.apply(tenant, state));
            });
  }

  private static String poolsOf(TenantState state) {
    return String.join(
        ",",
        state.streams().stream()
            .map(TenantState.SendingStream::dedicatedIpPool)
            .filter(Objects::nonNull)
            .distinct()
            .toList());
  }

  private record NewSender(String name, SenderKind kind) {}

  private Uni<Void> enrollAll(KnownTenant tenant, List<NewSender> fresh) {
    return Multi.createFrom()
        .iterable(fresh)
        .onItem()
        .transformToUniAndConcatenate(s -> enroll(tenant, s.name(), s.kind()))
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** Enrolls one sender at day 1 of the tenant's plan for its kind and records the decision. */
  public Uni<SenderWarmup> enroll(KnownTenant tenant, String name, SenderKind kind) {
    return enroll(tenant, name, kind, null);
  }

  /**
   * The same, with {@code why} as the history row's reason ("enrolled: discovered in pool X");
   * null: "enrolled: plan stage 1".
   */
  public Uni<SenderWarmup> enroll(KnownTenant tenant, String name, SenderKind kind, String why) {
    Instant now = clock.instant();
    SenderWarmup sender = new SenderWarmup();
    sender.tenantId = tenant.tenantId;
    sender.sender = name;
    sender.kind = kind;
    sender.plan = kind == SenderKind.MAILBOX ? tenant.mailboxPlan : tenant.domainPlan;
    sender.timeZone = config.defaultTimeZone();
    LocalDate today = LocalDate.ofInstant(now, ZoneId.of(sender.timeZone));
    sender.lastComputedDay = today;
    sender.activeSince = today;
    sender.enrolledAt = now;
    sender.planDay = 1;
    sender.stage = 1;
    sender.phase = Phase.RAMPING;
    sender.reason = TRIGGER;
    sender.updatedAt = now;
    if (sender.plan == null) {
      sender.plan = Presets.defaultFor(kind).name();
    }
    return standings
        .planOf(sender)
        .chain(
            plan -> {
              sender.plan = plan.name();
              sender.dailyCap = plan.capOn(1);
              return senders
                  .persist(sender)
                  .chain(() -> recorder.record(sender, today, TRIGGER, first(plan, why)))
                  .replaceWith(sender);
            });
  }

  private static Decision first(Plan plan, String why) {
    return new Decision(
        Decision.Kind.ENROLLED,
        1,
        1,
        plan.capOn(1),
        Phase.RAMPING,
        false,
        why != null ? why : "enrolled: " + plan.name() + " stage 1");
  }

  private static List<NewSender> newSenders(TenantState state, List<String> enrolled) {
    Set<String> known = new HashSet<>(enrolled);
    List<NewSender> fresh = new ArrayList<>();
    for (TenantState.Mailbox m : state.mailboxes()) {
      if (known.add(m.address().toLowerCase())) {
        fresh.add(new NewSender(m.address().toLowerCase(), SenderKind.MAILBOX));
      }
    }
    if (state.tier() == IsolationTier.DEDICATED) {
      for (TenantState.Domain d : state.domains()) {
        if (known.add(d.name().toLowerCase())) {
          fresh.add(new NewSender(d.name().toLowerCase(), SenderKind.DOMAIN));
        }
      }
    }
    return fresh;
  }
}
