-- PostgreSQL only (db/postgresql, added when DATABASE_URL is PostgreSQL): the rate limiter's
-- arrival window shared by every node (livestorm.SlotTable, issue 13). One row per connection and
-- slot (five per connection at Livestorm's 5 requests per second): free_at is when the slot may be
-- taken again on the database's clock; holder is the random id of the request holding it (NULL when
-- free); paused_until is the end of the connection's latest 429 pause. Disposable state: losing
-- the table only loses who holds what for a second.
CREATE TABLE permit_slot (
  connection_id VARCHAR(36) NOT NULL,
  slot SMALLINT NOT NULL,
  free_at TIMESTAMP WITH TIME ZONE NOT NULL,
  holder VARCHAR(36),
  paused_until TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (connection_id, slot)
);
