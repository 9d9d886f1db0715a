package io.isolane.sending.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.TenantState;
import io.isolane.sending.Message;
import io.isolane.sending.TenantLane;
import io.isolane.sending.repository.MessageRepository;
import io.isolane.sending.repository.TenantLaneRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Keeps each tenant's lane in step with tenant.state, and settles messages that waited for it. */
@ApplicationScoped
public class TenantLaneService {
  private final TenantLaneRepository lanes;
  private final MessageRepository messages;
  private final AwaitingTenant intake;

  public TenantLaneService(
      TenantLaneRepository lanes, MessageRepository messages, AwaitingTenant intake) {
    this.lanes = lanes;
    this.messages = messages;
    this.intake = intake;
  }

  /** Applies a tenant state unless a newer one was applied already (redelivery, replay). */
  @WithTransaction
  public Uni<Void> apply(ContractEvent<TenantState> event) {
    TenantState state = event.data();
    return lanes
        .findById(state.tenantId())
        .chain(
            lane ->
                lane != null && lane.stateVersion >= state.version()
                    ? Uni.createFrom().voidItem()
                    : update(lane, state));
  }

  private Uni<Void> update(TenantLane existing, TenantState state) {
    TenantLane lane = existing != null ? existing : new TenantLane();
    lane.tenantId = state.tenantId();
    lane.status = state.status();
    lane.maxPerSecond = state.limits().maxPerSecond();
    lane.maxPerDay = state.limits().maxPerDay();
    lane.stateVersion = state.version();
    lane.state = LifecycleEvents.json(state);
    lane.updatedAt = Instant.now();
    return lanes
        .persist(lane)
        .chain(() -> messages.awaiting(lane.tenantId))
        .chain(waiting -> settleAll(waiting, lane));
  }

  private Uni<Void> settleAll(List<Message> waiting, TenantLane lane) {
    return Multi.createFrom()
        .iterable(waiting)
        .invoke(message -> AwaitingTenant.settle(message, lane))
        .onItem()
        .transformToUniAndConcatenate(intake::announce)
        .collect()
        .last()
        .replaceWithVoid();
  }
}
