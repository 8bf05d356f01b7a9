package com.livestormconnect.copy;

import java.time.Duration;
import java.time.Instant;

/**
 * How a connection's copy stands, for the connection and admin pages.
 *
 * @param exists whether the account has a copy at all (a connection made and seen by the copy)
 * @param backfillStartedAt when the first full read began; null before
 * @param backfillDoneAt when every list had been read in full once; null until then
 * @param scopesDone lists read in full at least once
 * @param scopesLeft lists known and not read in full yet (more appear as events and sessions do)
 * @param calls Livestorm calls the sync has spent on this copy
 * @param timeLeft an estimate of the backfill's time left; null when done or unknown
 * @param eventsAsOf as of when the events list is complete; null before
 * @param oldestAsOf the oldest "as of" of any complete list: everything is at least this fresh
 * @param quotaShareUsed percent of the sync's share of the monthly quota used; null when unknown
 * @param pausedUntil when the sync goes on (its share used up, Livestorm's quota used up); null
 * @param pauseReason why it is paused; null when not
 * @param problem the last problem met (a malformed answer, a count that disagrees); null when none
 * @param problemAt when it was met
 * @param nothingToSync why nothing is synced (no {@code events:read} granted); null when syncing
 */
public record CopyStatus(
    boolean exists,
    Instant backfillStartedAt,
    Instant backfillDoneAt,
    int scopesDone,
    int scopesLeft,
    long calls,
    Duration timeLeft,
    Instant eventsAsOf,
    Instant oldestAsOf,
    Double quotaShareUsed,
    Instant pausedUntil,
    String pauseReason,
    String problem,
    Instant problemAt,
    String nothingToSync) {

  public boolean backfillDone() {
    return backfillDoneAt != null;
  }

  static CopyStatus none() {
    return new CopyStatus(
        false, null, null, 0, 0, 0, null, null, null, null, null, null, null, null, null);
  }
}
