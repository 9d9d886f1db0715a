package io.isolane.replies.repository;

import io.isolane.replies.Reply;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Replies by reply id. */
@ApplicationScoped
public class ReplyRepository implements PanacheRepositoryBase<Reply, String> {}
