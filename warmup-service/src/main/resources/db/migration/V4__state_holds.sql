-- What tenant.state says about a sender: held (mailbox paused, tenant suspended: treated as a
-- breach, cut once and held) and retired (no longer in the state: no more daily caps).
ALTER TABLE sender_warmup
    ADD COLUMN held_by_state VARCHAR(400),
    ADD COLUMN retired       BOOLEAN NOT NULL DEFAULT false;
