-- Terminal messages by age, for the retention sweep (RetentionSweeper): it finds what is past
-- retention without scanning the ledger. The status list matches LedgerRetention.TERMINAL.
-- Not CONCURRENTLY: Flyway's own lock transaction would make that wait forever. On a large ledger
-- build it beforehand with CREATE INDEX CONCURRENTLY (same definition); this then skips it.
CREATE INDEX IF NOT EXISTS message_terminal_age ON message (updated_at)
    WHERE status IN ('SENT', 'SUPPRESSED', 'CANCELLED', 'EXPIRED', 'FAILED', 'IN_DOUBT');
