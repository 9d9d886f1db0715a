-- Senders are mailboxes or (for dedicated tenants) domains: 'mailbox' becomes 'sender'.
ALTER TABLE sender_warmup RENAME COLUMN mailbox TO sender;
ALTER TABLE sender_warmup
    ADD COLUMN kind              VARCHAR(10)  NOT NULL DEFAULT 'MAILBOX',
    ADD COLUMN plan_day          INTEGER      NOT NULL DEFAULT 1,
    ADD COLUMN phase             VARCHAR(10)  NOT NULL DEFAULT 'RAMPING',
    ADD COLUMN paused            BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN cut_back          BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN time_zone         VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    ADD COLUMN last_computed_day DATE,
    ADD COLUMN active_since      DATE,
    ADD COLUMN reason            VARCHAR(400) NOT NULL DEFAULT 'enrolled';
UPDATE sender_warmup
   SET last_computed_day = (enrolled_at AT TIME ZONE 'UTC')::date,
       active_since = (enrolled_at AT TIME ZONE 'UTC')::date;
ALTER TABLE sender_warmup ALTER COLUMN last_computed_day SET NOT NULL;
ALTER TABLE sender_warmup ALTER COLUMN active_since SET NOT NULL;
-- the daily run looks for senders whose local day moved past the last computed one
CREATE INDEX sender_warmup_due ON sender_warmup (last_computed_day);

-- Every decision about a sender's cap, with its reason. One daily row per sender and day: even two
-- instances, or a restart mid-day, can never compute (and advance) a day twice.
CREATE TABLE cap_history (
    id          BIGSERIAL    PRIMARY KEY,
    sender_id   BIGINT       NOT NULL REFERENCES sender_warmup (id) ON DELETE CASCADE,
    day         DATE         NOT NULL,
    trigger     VARCHAR(10)  NOT NULL,
    decision    VARCHAR(12)  NOT NULL,
    daily_cap   INTEGER      NOT NULL,
    stage       INTEGER      NOT NULL,
    plan_day    INTEGER      NOT NULL,
    reason      VARCHAR(400) NOT NULL,
    decided_at  TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX cap_history_one_daily ON cap_history (sender_id, day) WHERE trigger = 'daily';
CREATE INDEX cap_history_by_sender ON cap_history (sender_id, id);

-- Tenants' own plans; steps as 'fromDay:cap,...'.
CREATE TABLE warmup_plan (
    id          BIGSERIAL    PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL,
    name        VARCHAR(40)  NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    steps       TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (tenant_id, name)
);

-- The latest health per scope (tenant, sending domain, mailbox) from sender.health.
CREATE TABLE health_signal (
    id           BIGSERIAL    PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL,
    scope        VARCHAR(20)  NOT NULL,
    target       VARCHAR(320) NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    reason       VARCHAR(400) NOT NULL,
    observed_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (tenant_id, scope, target)
);

-- Sends, hard bounces and complaints per mailbox and local day, from email.events.
CREATE TABLE send_day (
    id            BIGSERIAL    PRIMARY KEY,
    tenant_id     VARCHAR(63)  NOT NULL,
    mailbox       VARCHAR(320) NOT NULL,
    day           DATE         NOT NULL,
    sent          BIGINT       NOT NULL DEFAULT 0,
    hard_bounces  BIGINT       NOT NULL DEFAULT 0,
    complaints    BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, mailbox, day)
);

-- Events already counted (email.events, sender.health), so redeliveries count once.
CREATE TABLE processed_event (
    event_id      VARCHAR(100) PRIMARY KEY,
    processed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX processed_event_age ON processed_event (processed_at);

-- Tenants as tenant.state last described them, with the plans their new senders get.
CREATE TABLE tenant (
    tenant_id     VARCHAR(63)  PRIMARY KEY,
    version       BIGINT       NOT NULL,
    tier          VARCHAR(10)  NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    mailbox_plan  VARCHAR(40),
    domain_plan   VARCHAR(40)
);

-- Live API keys (SHA-256 digests only), replaced with each newer tenant.state.
CREATE TABLE api_key (
    key_id     VARCHAR(40)  PRIMARY KEY,
    tenant_id  VARCHAR(63)  NOT NULL,
    sha256     VARCHAR(64)  NOT NULL,
    scopes     VARCHAR(100) NOT NULL
);
CREATE INDEX api_key_by_tenant ON api_key (tenant_id);
