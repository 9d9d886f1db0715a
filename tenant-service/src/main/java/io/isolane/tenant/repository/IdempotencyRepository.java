package io.isolane.tenant.repository;

import io.isolane.tenant.IdempotencyRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored responses of idempotent writes. */
@ApplicationScoped
public class IdempotencyRepository
    implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

  public Uni<IdempotencyRecord> find(String scope, String key) {
    return find("scope = ?1 and idempotencyKey = ?2", scope, key).firstResult();
  }
}
