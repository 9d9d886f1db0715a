-- HTTP intake API (POST/GET/DELETE /v1/messages, GET /v1/queue).

-- Every message the API produced to send.requests. PENDING until the broker acknowledged it,
-- then SUBMITTED. Answers GET and DELETE while the record is still on its way to the consumer,
-- and replays PENDING messages when a request is retried with its Idempotency-Key.
CREATE TABLE api_submission (
    tenant_id    VARCHAR(63)  NOT NULL,
    message_id   VARCHAR(100) NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    request      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    submitted_at TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX api_submission_age ON api_submission (created_at);

-- Idempotency-Key per tenant: the request's fingerprint and the message ids it was given.
CREATE TABLE api_idempotency (
    tenant_id       VARCHAR(63)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    batch           BOOLEAN      NOT NULL,
    message_ids     TEXT[]       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX api_idempotency_age ON api_idempotency (created_at);

-- Every status change of a message (the message row keeps only the current one), written by
-- the triggers below so that no writer (intake, scheduler, sweeper, API) can forget it.
CREATE TABLE message_history (
    id             BIGSERIAL    PRIMARY KEY,
    tenant_id      VARCHAR(63)  NOT NULL,
    message_id     VARCHAR(100) NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    status_reason  TEXT,
    ses_message_id VARCHAR(100),
    changed_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX message_history_message ON message_history (tenant_id, message_id, id);

CREATE FUNCTION message_history_record() RETURNS trigger AS $$
BEGIN
    INSERT INTO message_history (tenant_id, message_id, status, status_reason, ses_message_id,
                                 changed_at)
    VALUES (NEW.tenant_id, NEW.message_id, NEW.status, NEW.status_reason, NEW.ses_message_id,
            clock_timestamp());
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER message_history_insert AFTER INSERT ON message
    FOR EACH ROW EXECUTE FUNCTION message_history_record();

-- WHEN keeps unrelated updates (attempt counters, claims that keep the status) out of history.
CREATE TRIGGER message_history_update AFTER UPDATE OF status, status_reason ON message
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.status_reason IS DISTINCT FROM NEW.status_reason)
    EXECUTE FUNCTION message_history_record();
