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
