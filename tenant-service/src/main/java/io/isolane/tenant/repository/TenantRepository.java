package io.isolane.tenant.repository;

import io.isolane.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenants by id. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {}
