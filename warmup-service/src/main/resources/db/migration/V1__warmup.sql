-- Every sender (mailbox) in warm-up. (tenant, mailbox) is the natural key: replaying
-- tenant.state never enrolls a mailbox twice.
CREATE TABLE sender_warmup (
    id           BIGSERIAL    PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL,
    mailbox      VARCHAR(320) NOT NULL,
    plan         VARCHAR(40)  NOT NULL,
    stage        INTEGER      NOT NULL,
    daily_cap    INTEGER      NOT NULL,
    enrolled_at  TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (tenant_id, mailbox)
);
