-- Changes of the local copy on their way to the partner's own service (partner.OutboundQueue), one
-- row per change. id is the Standard Webhooks message id (webhook-id), the same on every attempt and
-- on a replay, so the partner can drop what it already has; payload is the exact JSON body, written
-- once, so every attempt signs and sends the same bytes. status is pending, delivered or failed;
-- a pending row is due at next_attempt_at and tried until retry_until (24 hours, again from a
-- replay). lease_holder and leased_until say which node is sending it right now, so that one node
-- at a time does. Times are epoch milliseconds of the app's clock, the same way on Derby and
-- PostgreSQL. No foreign key to the account: a change already made is still told after the account
-- disconnects. last_outcome is our own short text (an HTTP status or an exception's class name).
CREATE TABLE partner_message (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  account_id BIGINT NOT NULL,
  event_type VARCHAR(60) NOT NULL,
  payload VARCHAR(32672) NOT NULL,
  status VARCHAR(10) NOT NULL,
  attempts INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  retry_until BIGINT NOT NULL,
  lease_holder VARCHAR(36),
  leased_until BIGINT,
  last_attempt_at BIGINT,
  last_outcome VARCHAR(200),
  delivered_at BIGINT,
  CONSTRAINT partner_message_status_check CHECK (status IN ('pending', 'delivered', 'failed'))
);

CREATE INDEX partner_message_due ON partner_message (status, next_attempt_at);
