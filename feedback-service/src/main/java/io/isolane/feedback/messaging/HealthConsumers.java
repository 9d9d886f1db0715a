package io.isolane.feedback.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.feedback.service.HealthMonitor;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds health monitoring and reports: email.events and reply.classified count, resumes on
 * tenant.commands start a sender afresh. Its own consumer groups, so suppression never waits on it.
 */
@ApplicationScoped
public class HealthConsumers {
  private final HealthMonitor monitor;
  private final DeadLetters deadLetters;

  public HealthConsumers(HealthMonitor monitor, DeadLetters deadLetters) {
    this.monitor = monitor;
    this.deadLetters = deadLetters;
  }

  /** A poll at a time: one transaction, each tenant judged once on the poll's figures. */
  @Incoming(Channels.HEALTH_EMAIL_EVENTS_IN)
  public Uni<Void> emailEvents(ConsumerRecords<String, byte[]> records) {
    return BatchRecords.handle(EventTypes.EMAIL_EVENT, records, deadLetters, monitor::record);
  }

  @Incoming(Channels.HEALTH_REPLIES_IN)
  public Uni<Void> reply(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> monitor.recordReply(EventCodec.decode(EventTypes.REPLY_CLASSIFIED, record)));
  }

  @Incoming(Channels.HEALTH_COMMANDS_IN)
  public Uni<Void> command(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> monitor.resumed(EventCodec.decode(EventTypes.TENANT_COMMAND, record)));
  }
}
