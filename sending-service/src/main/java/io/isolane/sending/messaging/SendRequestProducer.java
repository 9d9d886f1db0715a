package io.isolane.sending.messaging;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.kafka.ContractMessages;
import io.isolane.sending.config.SendingConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Produces the API's send requests to send.requests exactly as internal producers do (contract
 * codec, CloudEvents headers, key = tenant id, tenant partitioner); completes once the broker acked
 * every record.
 */
@ApplicationScoped
public class SendRequestProducer {
  /** Records of one request in flight at once: a 500-message batch does not flood the buffer. */
  private static final int CONCURRENCY = 32;

  private final MutinyEmitter<byte[]> emitter;
  private final SendingConfig config;

  public SendRequestProducer(
      @Channel(Channels.SEND_REQUESTS_OUT)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<byte[]> emitter,
      SendingConfig config) {
    this.emitter = emitter;
    this.config = config;
  }

  public Uni<Void> produce(List<SendRequest> requests) {
    return Multi.createFrom()
        .iterable(requests)
        .onItem()
        .transformToUni(r -> emitter.sendMessage(ContractMessages.of(event(r))))
        .merge(CONCURRENCY)
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** The event id derives from the message, so producing it again (a retry) is the same event. */
  private ContractEvent<SendRequest> event(SendRequest request) {
    String key = request.tenantId() + "/" + request.messageId() + "/send-request";
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    return ContractEvent.withId(id, EventTypes.SEND_REQUEST, config.eventSource(), request);
  }
}
