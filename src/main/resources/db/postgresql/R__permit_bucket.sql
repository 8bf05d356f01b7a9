-- PostgreSQL only (Migrations adds this location when DATABASE_URL is PostgreSQL): the rate
-- limiter's buckets, shared by every node. The shape is Bucket4j's for
-- PostgreSQLSelectForUpdateBasedProxyManager with expiration: id is the connection id (a UUID
-- string, PrimaryKeyMapper.STRING), state is Bucket4j's serialized bucket, expires_at is epoch
-- millis after which the bucket is full again and the row can go. Repeatable and idempotent rather
-- than versioned, so that its number can never collide with the shared V-migrations.
CREATE TABLE IF NOT EXISTS permit_bucket (
  id VARCHAR(36) PRIMARY KEY,
  state BYTEA,
  expires_at BIGINT
);
