-- The ledger is a queue: every message is inserted, claimed and settled within seconds, and each
-- status change leaves a dead entry in the partial queue indexes. Vacuum it early and without
-- throttling, or claims wade through dead entries as the backlog turns over.
ALTER TABLE message SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_insert_scale_factor = 0.05,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_vacuum_cost_delay = 0
);
ALTER TABLE outbox_event SET (
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0
);
