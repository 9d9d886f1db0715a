package io.isolane.warmup.config;

import io.isolane.warmup.Ramp;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock days are counted by (tests replace it to live through weeks) and the ramp's rules. */
@ApplicationScoped
public class ClockProducer {
  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  Ramp ramp(WarmupConfig config) {
    return new Ramp(
        new Ramp.Rules(
            config.maxDailyGrowth(),
            config.idleDays(),
            config.ownFigures().minSends(),
            config.ownFigures().hardBounceRate(),
            config.ownFigures().complaintRate(),
            config.ownFigures().negativeReplyRate()));
  }
}
