-- The sync's progress within a read (items read so far, checked against Livestorm's record_count
-- at the end) and why an account has nothing to sync (no events:read granted).
ALTER TABLE copy_scope ADD COLUMN reading_items BIGINT;
ALTER TABLE copy_sync ADD COLUMN nothing_to_sync VARCHAR(500);
