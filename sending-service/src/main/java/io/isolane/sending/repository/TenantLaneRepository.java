package io.isolane.sending.repository;

import io.isolane.sending.TenantLane;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenant lanes by tenant id. */
@ApplicationScoped
public class TenantLaneRepository implements PanacheRepositoryBase<TenantLane, String> {}
