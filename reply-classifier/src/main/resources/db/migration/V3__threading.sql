-- Messages the platform sent (from email.events SENT), so replies can be matched to them through
-- In-Reply-To/References, which carry the SES Message-ID.
CREATE TABLE sent_message (
    ses_message_id VARCHAR(100) PRIMARY KEY,
    tenant_id      VARCHAR(63)  NOT NULL,
    message_id     VARCHAR(100) NOT NULL,
    mailbox        VARCHAR(320) NOT NULL,
    recipient      VARCHAR(320),
    campaign       VARCHAR(200),
    sent_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sent_message_sent_at ON sent_message (sent_at);

ALTER TABLE reply ADD COLUMN in_reply_to        VARCHAR(100);
ALTER TABLE reply ADD COLUMN campaign           VARCHAR(200);
ALTER TABLE reply ADD COLUMN original_recipient VARCHAR(320);
