package io.isolane.feedback.messaging;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventType;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.TenantEvent;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * A poll of records for a batch consumer: the readable ones handled together (retried until done),
 * each unreadable one dead-lettered with its reason; the poll completes when both are done.
 */
final class BatchRecords {
  private BatchRecords() {}

  static <T extends TenantEvent> Uni<Void> handle(
      EventType<T> type,
      ConsumerRecords<String, byte[]> records,
      DeadLetters deadLetters,
      Function<List<ContractEvent<T>>, Uni<Void>> work) {
    List<ContractEvent<T>> valid = new ArrayList<>(records.count());
    List<ConsumerRecord<String, byte[]>> rejected = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        valid.add(EventCodec.decode(type, record));
      } catch (RejectedEventException e) {
        rejected.add(record);
        reasons.add(e.getMessage());
      }
    }
    Uni<Void> done =
        valid.isEmpty() ? Uni.createFrom().voidItem() : Retries.untilDone(() -> work.apply(valid));
    return done.call(
        () ->
            Multi.createFrom()
                .range(0, rejected.size())
                .onItem()
                .transformToUniAndConcatenate(
                    i -> deadLetters.reject(rejected.get(i), reasons.get(i)))
                .collect()
                .last()
                .replaceWithVoid());
  }
}
