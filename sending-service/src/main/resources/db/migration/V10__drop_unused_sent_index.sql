-- No query reads message_sent (daily counts go by claimed_at); every sent message paid for an
-- entry in it.
DROP INDEX message_sent;
