-- What sending-service knows of each tenant, from tenant.state (latest version wins).
CREATE TABLE tenant_lane (
    tenant_id      VARCHAR(63) PRIMARY KEY,
    status         VARCHAR(16) NOT NULL,
    max_per_second INTEGER     NOT NULL,
    max_per_day    INTEGER     NOT NULL,
    state_version  BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Every send request taken off send.requests. The (tenant, message id) pair is the natural key
-- that makes intake idempotent.
CREATE TABLE message (
    id            BIGSERIAL    PRIMARY KEY,
    tenant_id     VARCHAR(63)  NOT NULL,
    message_id    VARCHAR(100) NOT NULL,
    mailbox       VARCHAR(320) NOT NULL,
    stream        VARCHAR(16)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    status_reason TEXT,
    request       TEXT         NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (tenant_id, message_id)
);
CREATE INDEX message_awaiting ON message (received_at) WHERE status = 'AWAITING_TENANT';
