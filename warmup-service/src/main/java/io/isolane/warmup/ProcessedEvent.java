package io.isolane.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event already counted or applied, so a redelivery changes nothing. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {
  @Id
  @Column(name = "event_id")
  public String eventId;

  @Column(name = "processed_at", nullable = false)
  public Instant processedAt;
}
