-- The send ledger: every message ends in exactly one terminal state, with its reason.
ALTER TABLE message
    ADD COLUMN priority        SMALLINT     NOT NULL DEFAULT 1,
    ADD COLUMN not_before      TIMESTAMPTZ,
    ADD COLUMN expires_at      TIMESTAMPTZ,
    ADD COLUMN attempts        INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN claimed_at      TIMESTAMPTZ,
    ADD COLUMN ses_message_id  VARCHAR(100),
    ADD COLUMN sent_at         TIMESTAMPTZ;

-- What the scheduler reads: a tenant's queue, transactional (priority 0) first, then arrival.
CREATE INDEX message_queue ON message (tenant_id, priority, id) WHERE status = 'ACCEPTED';
-- Claimed messages whose SES call may have been interrupted.
CREATE INDEX message_sending ON message (claimed_at) WHERE status = 'SENDING';
-- Sent today per tenant (daily limit).
CREATE INDEX message_sent ON message (tenant_id, sent_at) WHERE status = 'SENT';

-- The full tenant.state, for the SES tenant, configuration sets and mailboxes.
ALTER TABLE tenant_lane ADD COLUMN state TEXT;
