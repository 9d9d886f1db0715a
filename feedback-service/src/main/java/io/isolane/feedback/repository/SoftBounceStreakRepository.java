package io.isolane.feedback.repository;

import io.isolane.feedback.SoftBounceStreak;
import io.isolane.feedback.Suppression;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SoftBounceStreakRepository
    implements PanacheRepositoryBase<SoftBounceStreak, Suppression.Key> {}
