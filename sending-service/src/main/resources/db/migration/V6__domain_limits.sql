-- The latest domain.limits per sending domain (from warm-up); newer computedAt wins.
CREATE TABLE domain_limit (
    tenant_id   VARCHAR(63)  NOT NULL,
    domain      VARCHAR(255) NOT NULL,
    limits      TEXT         NOT NULL,
    computed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, domain)
);
