-- The latest tenant.state of every tenant (the highest version wins): API keys for the tenant
-- API, domains for routing inbound mail, tier and SES tenant for the suppression mirror.
CREATE TABLE tenant (
    tenant_id  VARCHAR(63) PRIMARY KEY,
    version    BIGINT      NOT NULL,
    status     VARCHAR(20) NOT NULL,
    state      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
