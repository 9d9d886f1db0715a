-- Dedicated IP warm-up: the tenant's SES dedicated IP pools (from tenant.state streams), and per IP
-- sender the warm-up percentage its cap stands for and the one SES last acknowledged.
ALTER TABLE tenant ADD COLUMN ip_pools VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE sender_warmup
    ADD COLUMN ip_warmup_percent  INTEGER,
    ADD COLUMN ses_warmup_percent INTEGER;
CREATE INDEX sender_warmup_ip_sync ON sender_warmup (id) WHERE kind = 'IP';
