package io.isolane.servicekit.messaging;

import io.isolane.contracts.RejectedEventException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Consumers retry infrastructure failures (database down, broker hiccup) without end, holding the
 * partition's offset, and let rejections through to the dead-letter topic at once.
 */
public final class Retries {
  private static final Logger LOG = Logger.getLogger(Retries.class);

  private Retries() {}

  public static Uni<Void> untilDone(Supplier<Uni<? extends Void>> work) {
    return Uni.createFrom()
        .<Void>deferred(work)
        .onFailure(e -> !(e instanceof RejectedEventException))
        .invoke(e -> LOG.warnf("processing failed, retrying: %s", e.toString()))
        .onFailure(e -> !(e instanceof RejectedEventException))
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely();
  }
}
