-- Consecutive transient bounces per tenant and address: a delivery resets the streak, and at
-- isolane.feedback.soft-bounce-limit the address is suppressed for a while (reason SOFT_BOUNCE).
CREATE TABLE soft_bounce_streak (
    tenant_id   VARCHAR(63)  NOT NULL,
    address     VARCHAR(320) NOT NULL,
    consecutive INTEGER      NOT NULL,
    last_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, address)
);
