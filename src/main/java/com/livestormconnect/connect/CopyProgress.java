package com.livestormconnect.connect;

import com.livestormconnect.copy.CopyStatus;
import com.livestormconnect.web.TimeFormat;

/**
 * A connection's local copy as the connection and admin pages show it: the backfill's progress
 * (lists done and left, calls spent, time left), how fresh it is, the sync's share of the monthly
 * quota, a pause and its reason, the last problem, or why there is nothing to sync. Times are
 * formatted for the reader; empty strings where nothing is known.
 */
public record CopyProgress(
    boolean exists,
    boolean backfillDone,
    String backfillStarted,
    String backfillDoneAt,
    int scopesDone,
    int scopesLeft,
    long calls,
    String timeLeft,
    String eventsAsOf,
    String oldestAsOf,
    Integer quotaUsedPercent,
    int quotaSharePercent,
    String pausedUntil,
    String pauseReason,
    String problem,
    String problemAt,
    String nothingToSync) {

  public static CopyProgress of(
      CopyStatus status, Integer quotaUsedPercent, int quotaSharePercent, TimeFormat time) {
    return new CopyProgress(
        status.exists(),
        status.backfillDone(),
        time.dateTime(status.backfillStartedAt()),
        time.dateTime(status.backfillDoneAt()),
        status.scopesDone(),
        status.scopesLeft(),
        status.calls(),
        status.timeLeft() == null ? "" : time.duration(status.timeLeft().toSeconds()),
        time.dateTime(status.eventsAsOf()),
        time.dateTime(status.oldestAsOf()),
        quotaUsedPercent,
        quotaSharePercent,
        time.dateTime(status.pausedUntil()),
        status.pauseReason(),
        status.problem(),
        time.dateTime(status.problemAt()),
        status.nothingToSync());
  }
}
