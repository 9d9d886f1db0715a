package io.isolane.warmup.rest;

import io.isolane.warmup.CapChange;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Presets;
import io.isolane.warmup.service.SenderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the API's answers. */
final class ApiViews {
  private ApiViews() {}

  /** A plan: its steps are the table of warm-up day to daily cap. */
  record PlanView(String name, String kind, boolean preset, int target, List<Plan.Step> steps) {
    static PlanView of(Plan p) {
      return new PlanView(
          p.name(),
          p.kind().name().toLowerCase(),
          Presets.named(p.name()).isPresent(),
          p.target(),
          p.steps());
    }
  }

  /** One decision of the history. */
  record Change(
      LocalDate day,
      String trigger,
      String decision,
      int dailyCap,
      int stage,
      int planDay,
      String reason,
      Instant decidedAt) {
    static Change of(CapChange c) {
      return new Change(
          c.day,
          c.trigger,
          c.decision.name().toLowerCase(),
          c.dailyCap,
          c.stage,
          c.planDay,
          c.reason,
          c.decidedAt);
    }
  }

  /** A sender's warm-up status (history only when asked for one sender). */
  record SenderView(
      String sender,
      String kind,
      String plan,
      int stage,
      int stages,
      int planDay,
      int dailyCap,
      LocalDate capDay,
      LocalDate today,
      long sentToday,
      int target,
      String phase,
      boolean paused,
      String timeZone,
      String reason,
      String heldByState,
      boolean retired,
      List<Change> history) {
    static SenderView of(SenderStatus st) {
      var s = st.sender();
      return new SenderView(
          s.sender,
          s.kind.name().toLowerCase(),
          s.plan,
          s.stage,
          st.plan().stages(),
          s.planDay,
          s.dailyCap,
          s.lastComputedDay,
          st.today(),
          st.sentToday(),
          st.plan().target(),
          s.phase.name().toLowerCase(),
          s.paused,
          s.timeZone,
          s.reason,
          s.heldByState,
          s.retired,
          st.history().stream().map(Change::of).toList());
    }
  }
}
