package io.isolane.feedback;

import io.isolane.contracts.ContractEvent;
import java.util.List;

/**
 * One verified SNS notification ready to commit: the platform events it becomes, written once per
 * SNS message id.
 *
 * @param markId processed-event id of the SNS message ({@code sns:<MessageId>})
 * @param tenantId tenant the mark belongs to (the first event's)
 * @param events the events to publish, never empty
 */
public record Intake(String markId, String tenantId, List<? extends ContractEvent<?>> events) {
  public Intake {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an intake publishes at least one event");
    }
    events = List.copyOf(events);
  }

  /** The intake of an SNS message's events. */
  public static Intake of(String snsMessageId, List<? extends ContractEvent<?>> events) {
    String tenantId = events.isEmpty() ? null : events.get(0).subject();
    return new Intake("sns:" + snsMessageId, tenantId, events);
  }
}
