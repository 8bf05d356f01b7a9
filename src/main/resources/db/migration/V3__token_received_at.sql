-- When we received the current access token, by our clock. With access_expires_at it gives the
-- token's own lifetime, which caps how early a refresh may happen (a tenth of it).
ALTER TABLE livestorm_connection ADD COLUMN token_received_at TIMESTAMP;
