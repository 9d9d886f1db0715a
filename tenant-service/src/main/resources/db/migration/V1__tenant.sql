CREATE TABLE tenant (
    id             VARCHAR(63)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    tier           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    status_reason  TEXT,
    status_set_by  VARCHAR(200),
    max_per_second INTEGER      NOT NULL CHECK (max_per_second >= 0),
    max_per_day    INTEGER      NOT NULL CHECK (max_per_day >= 0),
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- Transactional outbox: a state change and its event commit together; the relay publishes
-- rows in seq order and deletes them once Kafka acknowledged them.
CREATE TABLE outbox_event (
    seq        BIGSERIAL    PRIMARY KEY,
    event_id   VARCHAR(64)  NOT NULL UNIQUE,
    ce_type    VARCHAR(100) NOT NULL,
    source     VARCHAR(200) NOT NULL,
    tenant_id  VARCHAR(63)  NOT NULL,
    event_time TIMESTAMPTZ  NOT NULL,
    payload    TEXT         NOT NULL
);
