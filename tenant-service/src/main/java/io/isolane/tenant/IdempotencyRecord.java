package io.isolane.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The response of a write made with an {@code Idempotency-Key}, replayed when it is retried. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {
  /** Whose key it is: the caller, so two callers' keys never collide. */
  @Id public String scope;

  @Id
  @Column(name = "idempotency_key")
  public String idempotencyKey;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column(nullable = false)
  public String fingerprint;

  @Column(nullable = false)
  public int status;

  public String body;

  public String location;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String scope;
    public String idempotencyKey;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(scope, k.scope)
          && Objects.equals(idempotencyKey, k.idempotencyKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(scope, idempotencyKey);
    }
  }
}
