package io.isolane.feedback;

import io.isolane.contracts.events.SenderHealth.Scope;
import io.isolane.contracts.events.SenderHealth.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides which senders changed health after new figures, and which breach pauses what: the
 * smallest scope that explains the signal. A domain is not paused while one of its mailboxes is in
 * breach, nor the tenant while one of its domains or mailboxes is. A breach that paused something
 * stands until the pause is lifted.
 */
public final class HealthJudge {
  private HealthJudge() {}

  /**
   * A sender's recorded health.
   *
   * @param status its status
   * @param pauseCommandId the pause its breach issued, if any
   */
  public record Recorded(Status status, String pauseCommandId) {
    static final Recorded HEALTHY = new Recorded(Status.HEALTHY, null);
  }

  /**
   * One change of health.
   *
   * @param subject whose
   * @param previous the status before
   * @param verdict the new status and why
   * @param figures the figures that decided it
   * @param pauseCommandId the pause to issue (null: none)
   */
  public record Change(
      HealthSubject subject,
      Status previous,
      HealthPolicy.Verdict verdict,
      HealthFigures figures,
      String pauseCommandId) {}

  public static List<Change> changes(
      Map<HealthSubject, HealthFigures> figures,
      Map<HealthSubject, Recorded> recorded,
      HealthThresholds thresholds) {
    Map<HealthSubject, Recorded> now = new HashMap<>(recorded);
    List<Change> changes = new ArrayList<>();
    List<HealthSubject> order = new ArrayList<>(figures.keySet());
    order.sort(Comparator.comparingInt(s -> rank(s.scope())));
    for (HealthSubject subject : order) {
      Recorded before = now.getOrDefault(subject, Recorded.HEALTHY);
      if (before.status() == Status.BREACH && before.pauseCommandId() != null) {
        continue; // paused: stays so until someone resumes it
      }
      HealthPolicy.Verdict verdict = HealthPolicy.judge(figures.get(subject), thresholds);
      if (verdict.status() == before.status()) {
        continue;
      }
      boolean pause =
          verdict.status() == Status.BREACH
              && subject.scope() != Scope.RECIPIENT_DOMAIN
              && !explainedWithin(subject, now);
      String commandId = pause ? UUID.randomUUID().toString() : null;
      now.put(subject, new Recorded(verdict.status(), commandId));
      changes.add(new Change(subject, before.status(), verdict, figures.get(subject), commandId));
    }
    return changes;
  }

  private static boolean explainedWithin(
      HealthSubject wider, Map<HealthSubject, Recorded> recorded) {
    return recorded.entrySet().stream()
        .anyMatch(e -> e.getValue().status() == Status.BREACH && e.getKey().within(wider));
  }

  private static int rank(Scope scope) {
    return switch (scope) {
      case MAILBOX -> 0;
      case SENDING_DOMAIN -> 1;
      case TENANT -> 2;
      case RECIPIENT_DOMAIN -> 3;
    };
  }
}
