package io.isolane.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A tenant's own plan; its steps are stored as {@code fromDay:cap,fromDay:cap,...}. */
@Entity
@Table(name = "warmup_plan")
public class CustomPlan {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SenderKind kind;

  @Column(nullable = false)
  public String steps;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The plan it holds. */
  public Plan toPlan() {
    List<Plan.Step> list = new ArrayList<>();
    for (String pair : steps.split(",")) {
      String[] parts = pair.split(":");
      list.add(new Plan.Step(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
    }
    return new Plan(name, kind, list);
  }

  /** Stores a plan's steps. */
  public static String stepsOf(Plan plan) {
    return String.join(
        ",", plan.steps().stream().map(s -> s.fromDay() + ":" + s.dailyCap()).toList());
  }
}
