package io.isolane.servicekit.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event written in the same transaction as the state it describes, waiting to be published. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  @Column(name = "event_id", nullable = false, unique = true)
  public String eventId;

  @Column(name = "ce_type", nullable = false)
  public String ceType;

  @Column(nullable = false)
  public String source;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(name = "event_time", nullable = false)
  public Instant eventTime;

  /** The payload in its contract JSON form. */
  @Column(nullable = false)
  public String payload;
}
