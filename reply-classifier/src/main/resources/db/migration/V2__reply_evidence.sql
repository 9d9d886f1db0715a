-- What the classifier found besides the category: language, return date, referral, the bounce
-- details and the evidence that decided it.
ALTER TABLE reply ADD COLUMN language      VARCHAR(8);
ALTER TABLE reply ADD COLUMN return_date   DATE;
ALTER TABLE reply ADD COLUMN referral      VARCHAR(320);
ALTER TABLE reply ADD COLUMN bounce_status VARCHAR(16);
ALTER TABLE reply ADD COLUMN bounce_reason VARCHAR(32);
ALTER TABLE reply ADD COLUMN bounce_hard   BOOLEAN;
ALTER TABLE reply ADD COLUMN evidence      TEXT;
