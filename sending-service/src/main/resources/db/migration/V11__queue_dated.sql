-- GET /v1/queue counts a tenant's queued mail from the queue index alone (message_queue: counts
-- and the first id per mailbox and priority). Only future-dated (deferred or notBefore) messages
-- are listed here, for the earliest date: a short index, written only when a message is deferred.
CREATE INDEX message_queue_dated ON message (tenant_id, mailbox, priority, not_before)
    WHERE status = 'ACCEPTED' AND not_before IS NOT NULL;
