-- Rolling figures per tenant, sending domain, mailbox and recipient domain (target '' for the
-- tenant itself): two buckets of up to window-sends sends each, so rates cover the last
-- window-sends to 2 x window-sends sends. A resume empties them: a fresh start after a pause.
CREATE TABLE health_window (
    tenant_id         VARCHAR(63)  NOT NULL,
    scope             VARCHAR(20)  NOT NULL,
    target            VARCHAR(320) NOT NULL,
    cur_sends         BIGINT       NOT NULL,
    cur_hard          BIGINT       NOT NULL,
    cur_soft          BIGINT       NOT NULL,
    cur_complaints    BIGINT       NOT NULL,
    cur_unsubscribes  BIGINT       NOT NULL,
    cur_replies       BIGINT       NOT NULL,
    prev_sends        BIGINT       NOT NULL,
    prev_hard         BIGINT       NOT NULL,
    prev_soft         BIGINT       NOT NULL,
    prev_complaints   BIGINT       NOT NULL,
    prev_unsubscribes BIGINT       NOT NULL,
    prev_replies      BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, scope, target)
);

-- The current health of each watched sender, with the figures of its last change; a breach that
-- paused something stays until the pause is lifted (tenant.commands resume).
CREATE TABLE sender_health (
    tenant_id        VARCHAR(63)  NOT NULL,
    scope            VARCHAR(20)  NOT NULL,
    target           VARCHAR(320) NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    reason           TEXT         NOT NULL,
    sends            BIGINT       NOT NULL,
    hard_bounces     BIGINT       NOT NULL,
    soft_bounces     BIGINT       NOT NULL,
    complaints       BIGINT       NOT NULL,
    unsubscribes     BIGINT       NOT NULL,
    replies          BIGINT       NOT NULL,
    pause_command_id VARCHAR(64),
    changed_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, scope, target)
);
CREATE INDEX sender_health_unhealthy ON sender_health (tenant_id) WHERE status <> 'HEALTHY';

-- A tenant's own thresholds (rates 0..1); without a row the configured defaults apply.
CREATE TABLE health_threshold (
    tenant_id           VARCHAR(63)      PRIMARY KEY,
    hard_bounce_warn    DOUBLE PRECISION NOT NULL,
    hard_bounce_pause   DOUBLE PRECISION NOT NULL,
    complaint_warn      DOUBLE PRECISION NOT NULL,
    complaint_pause     DOUBLE PRECISION NOT NULL,
    min_sends           INTEGER          NOT NULL,
    complaint_min_sends INTEGER          NOT NULL,
    updated_at          TIMESTAMPTZ      NOT NULL
);

-- Report counters, kept as events arrive: per tenant, hour, mailbox, recipient domain and metric
-- (sent, delivered, bounced_hard, bounce_reason:<reason>, complained, replied:<category> ...).
CREATE TABLE report_counter (
    tenant_id        VARCHAR(63)  NOT NULL,
    hour             TIMESTAMPTZ  NOT NULL,
    mailbox          VARCHAR(320) NOT NULL,
    recipient_domain VARCHAR(255) NOT NULL,
    metric           VARCHAR(64)  NOT NULL,
    count            BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, hour, mailbox, recipient_domain, metric)
);
