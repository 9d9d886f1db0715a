-- Mailboxes are matched case-insensitively: store them lower case.
UPDATE message SET mailbox = lower(mailbox);

-- The domain of the first To address: per mailbox and recipient domain hourly caps.
ALTER TABLE message ADD COLUMN recipient_domain VARCHAR(255);
UPDATE message SET recipient_domain = lower(split_part(request::jsonb -> 'to' ->> 0, '@', 2));

-- The scheduler claims per mailbox (pacing, caps, pauses are per mailbox), transactional first.
DROP INDEX message_queue;
CREATE INDEX message_queue ON message (tenant_id, mailbox, priority, id) WHERE status = 'ACCEPTED';
-- What a mailbox sent recently (daily cap, spacing and hourly caps after a restart).
CREATE INDEX message_mailbox_claims ON message (tenant_id, mailbox, claimed_at)
    WHERE claimed_at IS NOT NULL;

-- The latest mailbox.limits per mailbox (from warm-up); newer computedAt wins.
CREATE TABLE mailbox_limit (
    tenant_id   VARCHAR(63)  NOT NULL,
    mailbox     VARCHAR(320) NOT NULL,
    limits      TEXT         NOT NULL,
    computed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, mailbox)
);

-- This tenant's suppressed recipients (from the compacted suppressions topic); newer changedAt wins.
CREATE TABLE suppression (
    tenant_id   VARCHAR(63)  NOT NULL,
    address     VARCHAR(320) NOT NULL,
    suppressed  BOOLEAN      NOT NULL,
    reason      VARCHAR(32),
    expires_at  TIMESTAMPTZ,
    changed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, address)
);

-- Pause/resume commands applied here at once, until a newer tenant.state (which then carries
-- tenant-service's own application of the same command) replaces them.
CREATE TABLE command_hold (
    tenant_id    VARCHAR(63)  NOT NULL,
    scope        VARCHAR(16)  NOT NULL,
    target       VARCHAR(320) NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    reason       TEXT,
    lane_version BIGINT       NOT NULL,
    command_id   VARCHAR(100) NOT NULL,
    issued_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, scope, target)
);
