-- A tenant's burst on send.requests, parked as it came off the topic: rows of up to 200 records of
-- one tenant, packed as they were (key, headers, value), so the consumer reads past a burst at the
-- cost of one batched INSERT per poll and other tenants' records behind it are taken in at once.
-- The spill drain takes rows in per tenant, oldest first, round robin over tenants.
CREATE TABLE intake_spill (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    record_count INT         NOT NULL CHECK (record_count > 0),
    records      BYTEA       NOT NULL,
    spilled_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX intake_spill_tenant ON intake_spill (tenant_id, id);
-- out of line but not compressed: a row lives for seconds, and compressing a megabyte of JSON on
-- every insert would cost the consumer the speed the parking is for
ALTER TABLE intake_spill ALTER COLUMN records SET STORAGE EXTERNAL;
