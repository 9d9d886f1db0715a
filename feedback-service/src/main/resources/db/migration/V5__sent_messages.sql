-- SES message id -> tenant, message and mailbox, from sending-service's sent events: attributes
-- SES notifications that carry no tags (classic bounce/complaint/delivery notifications).
CREATE TABLE sent_message (
    ses_message_id VARCHAR(100) PRIMARY KEY,
    tenant_id      VARCHAR(63)  NOT NULL,
    message_id     VARCHAR(100) NOT NULL,
    mailbox        VARCHAR(320),
    sent_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sent_message_age ON sent_message (sent_at);
