package com.livestormconnect.copy;

import com.livestormconnect.livestorm.UpdatedWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * When the sync reads each list, and how: pure arithmetic on the times a scope keeps.
 *
 * <ul>
 *   <li>A list never read in full, or not re-listed for {@link #fullEvery}, is read in full: that
 *       is the only read after which rows not seen are deleted (Livestorm sends no deletions).
 *   <li>Otherwise only what changed: a closed window from the last read's start less {@link
 *       #OVERLAP} (Livestorm's clock and ours differ, its filter's bounds may be exclusive, its
 *       timestamps are whole seconds) until this read's start. The next window starts where this
 *       one ended, less the overlap again, so no change falls between two windows.
 *   <li>The events and the sessions of all events are read every {@code SYNC_INTERVAL}; an event's
 *       sessions when the event changed and daily; a session's people when the session changed (its
 *       counts move with each registration and attendance), every interval while it is upcoming or
 *       live, and weekly once it is past.
 * </ul>
 */
final class Cadence {
  static final Duration OVERLAP = Duration.ofMinutes(5);
  static final Duration FULL_EVERY = Duration.ofDays(1);
  static final Duration PAST_FULL_EVERY = Duration.ofDays(7);

  /** How long after its end a session still counts as live (attendance is settled by then). */
  static final Duration SETTLING = Duration.ofHours(2);

  private Cadence() {}

  /** Whether a session is upcoming or live: its people still change often. */
  static boolean active(String status, Instant start, Instant now) {
    if (status != null) {
      String s = status.toLowerCase(java.util.Locale.ROOT);
      if (s.equals("live") || s.equals("upcoming") || s.equals("not_started")) {
        return true;
      }
      if (s.equals("past") || s.equals("ended") || s.contains("cancel")) {
        return start == null || start.plus(SETTLING).isAfter(now);
      }
    }
    return start == null || start.plus(SETTLING).isAfter(now);
  }

  /** How often a list is read in full. */
  static Duration fullEvery(Scope scope, boolean activeSession) {
    return scope.kind() == Scope.Kind.PEOPLE && !activeSession ? PAST_FULL_EVERY : FULL_EVERY;
  }

  /** Whether the next read of a list is a full one. The sessions of all events never are. */
  static boolean fullReadDue(
      Scope scope, boolean complete, Instant fullAt, Instant now, Duration every) {
    if (scope.equals(Scope.allSessions())) {
      return false;
    }
    return !complete || fullAt == null || !fullAt.plus(every).isAfter(now);
  }

  /** The filter of a read starting {@code now}: everything, or the changes since {@code asOf}. */
  static UpdatedWindow window(boolean full, Instant asOf, Instant now) {
    if (full || asOf == null) {
      return UpdatedWindow.ALL;
    }
    return new UpdatedWindow(asOf.minus(OVERLAP), now);
  }

  /**
   * When a list just read is read again on schedule; null for never (it waits for a change, a mark,
   * or a refresh). With {@code interval} zero nothing is scheduled.
   */
  static Instant nextRead(Scope scope, boolean activeSession, Instant now, Duration interval) {
    if (interval.isZero()) {
      return null;
    }
    return switch (scope.kind()) {
      case EVENTS -> now.plus(interval);
      case SESSIONS -> scope.parentId() == null ? now.plus(interval) : now.plus(FULL_EVERY);
      case PEOPLE -> activeSession ? now.plus(interval) : now.plus(PAST_FULL_EVERY);
    };
  }
}
