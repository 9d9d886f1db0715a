package io.isolane.feedback.repository;

import io.isolane.feedback.Suppression;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Suppressions by (tenant, address). */
@ApplicationScoped
public class SuppressionRepository implements PanacheRepositoryBase<Suppression, Suppression.Key> {}
