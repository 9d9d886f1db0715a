-- Human replies per mailbox and local day, from reply.classified: all of them and the negative ones
-- (unsubscribe, not interested). Bounces, auto-replies and out-of-office replies are not counted.
ALTER TABLE send_day ADD COLUMN replies          BIGINT NOT NULL DEFAULT 0;
ALTER TABLE send_day ADD COLUMN negative_replies BIGINT NOT NULL DEFAULT 0;
