package io.isolane.warmup.repository;

import io.isolane.warmup.CapChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The history of every sender's caps. */
@ApplicationScoped
public class CapChangeRepository implements PanacheRepository<CapChange> {

  /** A sender's decisions, oldest first. */
  public Uni<List<CapChange>> of(Long senderId) {
    return list("senderId = ?1 order by id", senderId);
  }
}
