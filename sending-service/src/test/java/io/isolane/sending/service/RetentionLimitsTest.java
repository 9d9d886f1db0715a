package io.isolane.sending.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retention the service refuses to start with. */
class RetentionLimitsTest {
  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void lessThanTwoDaysIsRefused() {
    assertThatThrownBy(() -> RetentionSweeper.validate(Duration.ofHours(47), DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("isolane.sending.retention.terminal")
        .hasMessageContaining("at least 2 days");
  }

  @Test
  void notLongerThanTheIdempotencyTtlIsRefused() {
    assertThatThrownBy(() -> RetentionSweeper.validate(Duration.ofDays(3), Duration.ofDays(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("isolane.api.idempotency-ttl");
  }

  @Test
  void twoDaysAndTheDefaultAreAccepted() {
    assertThatCode(() -> RetentionSweeper.validate(Duration.ofDays(2), DAY))
        .doesNotThrowAnyException();
    assertThatCode(() -> RetentionSweeper.validate(Duration.ofDays(30), DAY))
        .doesNotThrowAnyException();
  }
}
