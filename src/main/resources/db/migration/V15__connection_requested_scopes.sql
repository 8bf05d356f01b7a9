-- The scopes the user chose when connecting. Livestorm may grant more (granted_scopes keeps what it
-- granted); the app uses only what both allow and warns about the rest. Null for connections made
-- before this column: they were used as granted.
ALTER TABLE livestorm_connection ADD COLUMN requested_scopes VARCHAR(500);
