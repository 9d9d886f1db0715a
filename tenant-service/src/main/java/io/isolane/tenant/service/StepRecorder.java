package io.isolane.tenant.service;

import io.isolane.tenant.client.SesCallException;
import io.isolane.tenant.repository.ProvisioningStepRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.function.Supplier;

/**
 * Runs the steps of one tenant's reconciliation and records each outcome as it happens, so that the
 * API shows how far a run got even if the process dies mid-way.
 */
final class StepRecorder {
  private final ProvisioningStepRepository steps;
  private final String tenantId;

  StepRecorder(ProvisioningStepRepository steps, String tenantId) {
    this.steps = steps;
    this.tenantId = tenantId;
  }

  void run(String step, Runnable action) {
    call(
        step,
        () -> {
          action.run();
          return null;
        });
  }

  <T> T call(String step, Supplier<T> action) {
    try {
      T result = action.get();
      record(step, "done", null);
      return result;
    } catch (SesCallException e) {
      record(step, "failed", e.getMessage());
      throw e;
    }
  }

  private void record(String step, String outcome, String detail) {
    Reconciler.await(
        () ->
            Panache.withTransaction(
                () -> steps.record(tenantId, step, outcome, detail, TenantStates.now())));
  }
}
