package com.livestormconnect.config;

import java.time.Duration;

/**
 * How the local copy is kept: {@code SYNC_INTERVAL} (seconds between scheduled incremental cycles,
 * default 900; 0 turns the schedule off, while the backfill of a new connection, refresh buttons
 * and re-reads asked for by webhooks still run) and {@code SYNC_QUOTA_SHARE} (0 to 100, default 25:
 * the sync stops once that percentage of the connection's monthly quota is used, by anyone, until
 * the quota resets; 0 stops it altogether).
 */
public record SyncSettings(Duration interval, int quotaSharePercent) {
  public boolean scheduled() {
    return !interval.isZero();
  }

  static SyncSettings read(Environment env) {
    return new SyncSettings(
        Duration.ofSeconds(env.integer("SYNC_INTERVAL", 900, 0, 30 * 24 * 3600)),
        env.integer("SYNC_QUOTA_SHARE", 25, 0, 100));
  }
}
