-- Desired state of a tenant and what the reconciler has made of it in SES.
ALTER TABLE tenant
    ADD COLUMN suspended          BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN deletion_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN reconcile_pending  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN reconcile_attempts INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN next_reconcile_at  TIMESTAMPTZ,
    ADD COLUMN ses_tenant_name    VARCHAR(64),
    ADD COLUMN ses_account_id     VARCHAR(12);

CREATE INDEX tenant_reconcile_due ON tenant (next_reconcile_at) WHERE reconcile_pending;

-- An SES identity is account-wide, so a domain belongs to one tenant only.
CREATE TABLE sending_domain (
    name               VARCHAR(253) PRIMARY KEY,
    tenant_id          VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    stream             VARCHAR(16)  NOT NULL,
    mail_from_domain   VARCHAR(253) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    dkim_tokens        TEXT,
    ses_dkim_status    VARCHAR(32),
    verification       TEXT,
    checked_at         TIMESTAMPTZ,
    removal_requested  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sending_domain_tenant ON sending_domain (tenant_id, name);

CREATE TABLE mailbox (
    address        VARCHAR(320) PRIMARY KEY,
    tenant_id      VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    domain         VARCHAR(253) NOT NULL REFERENCES sending_domain (name),
    display_name   VARCHAR(200),
    reply_to       VARCHAR(320),
    status         VARCHAR(16)  NOT NULL,
    status_reason  TEXT,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX mailbox_tenant ON mailbox (tenant_id, address);

CREATE TABLE api_key (
    key_id        VARCHAR(32)  PRIMARY KEY,
    tenant_id     VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    name          VARCHAR(200) NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    scopes        VARCHAR(64)  NOT NULL,
    created_by    VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);
CREATE INDEX api_key_tenant ON api_key (tenant_id, key_id);

-- One row per reconciliation step of a tenant: its latest outcome.
CREATE TABLE provisioning_step (
    tenant_id   VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    step        VARCHAR(200) NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    detail      TEXT,
    attempts    INTEGER      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, step)
);

-- Responses of writes made with an Idempotency-Key, replayed on retries.
CREATE TABLE idempotency_record (
    scope            VARCHAR(100) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    fingerprint      CHAR(64)     NOT NULL,
    status           INTEGER      NOT NULL,
    body             TEXT,
    location         TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
