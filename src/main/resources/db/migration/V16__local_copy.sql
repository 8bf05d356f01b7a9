-- The local copy of each connected account's Livestorm data (copy.LocalCopy, copy.Changes). Every
-- row keeps Livestorm's resource as it was read (the JSON:API data object, so every field is kept
-- and can be compared), Livestorm's updated_at (newest wins) and when we last saw it (a complete
-- re-list deletes what it did not see), plus the columns pages sort, filter and search on. Times
-- are epoch milliseconds: the same on Derby and PostgreSQL, whatever the JVM's time zone. Personal
-- data: deleted with the connection (copy.Changes observes token.ConnectionRemoved) and with the
-- account (ON DELETE CASCADE). resource is VARCHAR(32672), Derby's longest VARCHAR; on PostgreSQL
-- V42 makes it TEXT. Livestorm ids are UUIDs: 200 characters is a generous bound that keeps keys
-- indexable on Derby.

-- One row per account with a copy: the row every writer of that account's copy locks first (so a
-- webhook and the sync never insert the same row twice), the backfill's progress, the sync's pause
-- and last problem, and the lease that lets one node at a time sync the account.
CREATE TABLE copy_sync (
  account_id BIGINT NOT NULL PRIMARY KEY,
  backfill_started_at BIGINT,
  backfill_done_at BIGINT,
  calls BIGINT DEFAULT 0 NOT NULL,
  paused_until BIGINT,
  pause_reason VARCHAR(500),
  problem VARCHAR(1000),
  problem_at BIGINT,
  lease_holder VARCHAR(100),
  lease_until BIGINT,
  CONSTRAINT copy_sync_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
    ON DELETE CASCADE
);

-- What the copy knows of each list it reads: the events list ('events'), an event's sessions
-- ('sessions/<event id>'), a session's people ('people/<session id>'). as_of: every change made
-- before it is in the copy (the start of the last complete read); complete: read in full at least
-- once; stale_since: someone marked it for a re-read (webhooks without a signature, a refresh).
-- The read in progress keeps its checkpoint here (the next page, its window and when it started),
-- committed with the rows of the page before it.
CREATE TABLE copy_scope (
  account_id BIGINT NOT NULL,
  scope_key VARCHAR(220) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  parent_id VARCHAR(200),
  as_of BIGINT,
  complete BOOLEAN DEFAULT FALSE NOT NULL,
  stale_since BIGINT,
  full_at BIGINT,
  next_read_at BIGINT,
  reading_page INTEGER,
  reading_full BOOLEAN,
  reading_since BIGINT,
  reading_until BIGINT,
  reading_started_at BIGINT,
  reading_count BIGINT,
  calls BIGINT DEFAULT 0 NOT NULL,
  problem VARCHAR(1000),
  problem_at BIGINT,
  PRIMARY KEY (account_id, scope_key),
  CONSTRAINT copy_scope_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
    ON DELETE CASCADE
);

CREATE INDEX copy_scope_due ON copy_scope (account_id, next_read_at);

-- The organization and the connected user (/me), one row per account.
CREATE TABLE copy_organization (
  account_id BIGINT NOT NULL PRIMARY KEY,
  id VARCHAR(200),
  updated_at BIGINT,
  seen_at BIGINT NOT NULL,
  resource VARCHAR(32672),
  me_resource VARCHAR(32672),
  CONSTRAINT copy_organization_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
    ON DELETE CASCADE
);

CREATE TABLE copy_event (
  account_id BIGINT NOT NULL,
  id VARCHAR(200) NOT NULL,
  title_key VARCHAR(300),
  scheduling_status VARCHAR(40),
  created_at BIGINT,
  updated_at BIGINT,
  seen_at BIGINT NOT NULL,
  resource VARCHAR(32672) NOT NULL,
  PRIMARY KEY (account_id, id),
  CONSTRAINT copy_event_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
    ON DELETE CASCADE
);

CREATE INDEX copy_event_created ON copy_event (account_id, created_at);

-- Sessions, breakout rooms included (parent_id is the room's session). start_at is the actual
-- start when known, else the planned one.
CREATE TABLE copy_session (
  account_id BIGINT NOT NULL,
  id VARCHAR(200) NOT NULL,
  event_id VARCHAR(200),
  parent_id VARCHAR(200),
  status VARCHAR(40),
  start_at BIGINT,
  updated_at BIGINT,
  seen_at BIGINT NOT NULL,
  resource VARCHAR(32672) NOT NULL,
  PRIMARY KEY (account_id, id),
  CONSTRAINT copy_session_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
    ON DELETE CASCADE
);

CREATE INDEX copy_session_event_start ON copy_session (account_id, event_id, start_at);

-- A session's people: one row per person and session (the person's registrant_detail belongs to
-- that session). name_key and email_key are lower-cased (and cut to their column) for searching
-- and sorting the same way on both databases.
CREATE TABLE copy_person (
  account_id BIGINT NOT NULL,
  session_id VARCHAR(200) NOT NULL,
  id VARCHAR(200) NOT NULL,
  role VARCHAR(40),
  name_key VARCHAR(300),
  email_key VARCHAR(320),
  attended BOOLEAN DEFAULT FALSE NOT NULL,
  attendance_rate DOUBLE PRECISION,
  attendance_duration BIGINT,
  registered_at BIGINT,
  updated_at BIGINT,
  seen_at BIGINT NOT NULL,
  resource VARCHAR(32672) NOT NULL,
  PRIMARY KEY (account_id, session_id, id),
  CONSTRAINT copy_person_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
    ON DELETE CASCADE
);

CREATE INDEX copy_person_name ON copy_person (account_id, session_id, name_key);
CREATE INDEX copy_person_registered ON copy_person (account_id, registered_at);
