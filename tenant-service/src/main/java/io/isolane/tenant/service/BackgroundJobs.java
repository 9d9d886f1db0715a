package io.isolane.tenant.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The periodic work: reconciliation and domain re-verification, each on a worker thread. */
@ApplicationScoped
public class BackgroundJobs {
  private final Reconciler reconciler;
  private final DomainVerificationService verification;

  public BackgroundJobs(Reconciler reconciler, DomainVerificationService verification) {
    this.reconciler = reconciler;
    this.verification = verification;
  }

  @Scheduled(
      identity = "reconcile",
      every = "${isolane.tenant.reconcile.interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void reconcile() {
    reconciler.round();
  }

  @Scheduled(
      identity = "verify-domains",
      every = "${isolane.tenant.reconcile.interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void verifyDomains() {
    verification.round();
  }
}
