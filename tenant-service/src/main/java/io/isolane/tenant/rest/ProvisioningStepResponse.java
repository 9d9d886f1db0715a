package io.isolane.tenant.rest;

import io.isolane.tenant.ProvisioningStep;
import java.time.Instant;

/** One reconciliation step and its latest outcome. */
public record ProvisioningStepResponse(
    String step, String outcome, String detail, int attempts, Instant updatedAt) {
  static ProvisioningStepResponse of(ProvisioningStep s) {
    return new ProvisioningStepResponse(s.step, s.outcome, s.detail, s.attempts, s.updatedAt);
  }
}
