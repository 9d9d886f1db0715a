package io.isolane.replies.repository;

import io.isolane.replies.SentMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Sent messages by SES message id, always within one tenant. */
@ApplicationScoped
public class SentMessageRepository implements PanacheRepositoryBase<SentMessage, String> {
  /** The tenant's sent messages among these SES ids. */
  public Uni<List<SentMessage>> findForTenant(String tenantId, List<String> sesMessageIds) {
    return list("tenantId = ?1 and sesMessageId in ?2", tenantId, sesMessageIds);
  }
}
