-- Sign-in and sign-up limits, and the addresses a user has signed in from, shared by every node and
-- kept across restarts (account.ThrottleTable). state_key is the SHA-256 (hex) of what is limited
-- (a kind, a username, an address block), so neither usernames nor addresses are stored here;
-- state is the small text the throttle rewrites under the row lock; expires_at (epoch millis) is
-- when the row no longer means anything and may be deleted.
CREATE TABLE throttle_state (
  state_key VARCHAR(64) NOT NULL PRIMARY KEY,
  state VARCHAR(12000) NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX throttle_state_expiry ON throttle_state (expires_at);

-- The cluster's one administrator setup code (account.AdminSetup): a single row, locked FOR UPDATE
-- by whoever makes, spends or checks the code, which also serialises the creation of the first
-- administrator. code_hash is the SHA-256 (hex) of the code, NULL when no code is pending; holder
-- names the node and file that hold the code itself.
CREATE TABLE admin_setup (
  id INTEGER NOT NULL PRIMARY KEY,
  code_hash VARCHAR(64),
  holder VARCHAR(1000),
  CONSTRAINT admin_setup_single_row CHECK (id = 1)
);

INSERT INTO admin_setup (id) VALUES (1);
