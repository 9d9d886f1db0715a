-- Who warms a dedicated tenant's IPs: SES's automatic warm-up (SES, the default) or this service's
-- plan (PLAN, the discovery job enrolls every IP of the tenant's pools). ips_discovered_at is when
-- the job last listed the pools (database time); NULL makes the tenant due at once.
ALTER TABLE tenant
    ADD COLUMN ip_warmup         VARCHAR(10) NOT NULL DEFAULT 'SES',
    ADD COLUMN ips_discovered_at TIMESTAMPTZ;
CREATE INDEX tenant_ip_discovery ON tenant (ips_discovered_at) WHERE ip_warmup = 'PLAN';
-- An enrolled IP that SES no longer lists in any of the tenant's pools: retired until it returns.
ALTER TABLE sender_warmup ADD COLUMN left_pool BOOLEAN NOT NULL DEFAULT FALSE;
