-- PostgreSQL only. permit_bucket held Bucket4j's shared buckets, which the arrival window of
-- V40__permit_slot.sql replaced: nothing reads it. It was created by a repeatable migration, now
-- removed; Migrations tells Flyway to accept that its history names a repeatable migration it no
-- longer has, and this drops the table in databases that have it.
DROP TABLE IF EXISTS permit_bucket;
