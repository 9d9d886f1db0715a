package io.isolane.warmup.repository;

import io.isolane.warmup.KnownTenant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenants as tenant.state describes them, with the plans their new senders get. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<KnownTenant, String> {}
