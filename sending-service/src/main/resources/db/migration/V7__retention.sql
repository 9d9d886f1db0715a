-- Terminal messages by age, for the retention sweep (RetentionSweeper): it finds what is past
-- retention without scanning the ledger. The status list matches LedgerRetention.TERMINAL.
-- Not CONCURRENTLY: Flyway's own lock transaction would make that wait forever.
CREATE INDEX message_terminal_age ON message (updated_at)
    WHERE status IN ('SENT', 'SUPPRESSED', 'CANCELLED', 'EXPIRED', 'FAILED', 'IN_DOUBT');
