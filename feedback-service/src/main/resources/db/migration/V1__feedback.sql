-- Per-tenant suppression list: never shared between tenants. (tenant, address) is the natural key.
CREATE TABLE suppression (
    tenant_id       VARCHAR(63)  NOT NULL,
    address         VARCHAR(320) NOT NULL,
    reason          VARCHAR(20)  NOT NULL,
    source_event_id VARCHAR(64),
    suppressed_at   TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, address)
);

-- Ids of email.events already handled: redelivered events are recognised and skipped.
CREATE TABLE processed_event (
    event_id     VARCHAR(64) PRIMARY KEY,
    tenant_id    VARCHAR(63) NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL
);
