-- PostgreSQL only: a delivery's body of any size (Derby keeps up to 32,672 characters and treats a
-- larger delivery as a hint, see webhook.Inbox).
ALTER TABLE webhook_inbox ALTER COLUMN body TYPE TEXT;
