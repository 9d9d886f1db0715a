-- Every inbound reply and its classification. The reply id is the natural key: a redelivered
-- reply is classified once.
CREATE TABLE reply (
    reply_id      VARCHAR(100) PRIMARY KEY,
    tenant_id     VARCHAR(63)  NOT NULL,
    mailbox       VARCHAR(320) NOT NULL,
    sender        VARCHAR(320),
    subject       TEXT,
    category      VARCHAR(20)  NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    classified_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX reply_tenant ON reply (tenant_id, received_at);
