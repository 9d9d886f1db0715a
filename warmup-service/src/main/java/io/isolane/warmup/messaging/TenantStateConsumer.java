package io.isolane.warmup.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.servicekit.messaging.Retries;
import io.isolane.warmup.service.EnrollmentService;
import io.isolane.warmup.service.IpDiscoveryRun;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies tenant.state (new senders are enrolled); invalid records go to the dead-letter topic. */
@ApplicationScoped
public class TenantStateConsumer {
  private final EnrollmentService enrollment;
  private final IpDiscoveryRun ipDiscovery;

  public TenantStateConsumer(EnrollmentService enrollment, IpDiscoveryRun ipDiscovery) {
    this.enrollment = enrollment;
    this.ipDiscovery = ipDiscovery;
  }

  @Incoming(Channels.TENANT_STATE_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    // a new pool of a tenant warming its IPs by plan is listed at once, not on the next interval
    return Retries.untilDone(
            () -> enrollment.apply(EventCodec.decode(EventTypes.TENANT_STATE, record)))
        .invoke(ipDiscovery::runNow);
  }
}
