package com.livestormconnect.webhook;

import java.time.Instant;

/**
 * One of the app's own subscriptions at Livestorm, as this app keeps it: which connection and
 * event, Livestorm's id (null until created), its state and last problem, and the deliveries to its
 * URL dropped as duplicates.
 */
public record Subscription(
    long accountId,
    String event,
    String livestormId,
    State state,
    String problem,
    Instant createdAt,
    Instant checkedAt,
    long duplicates) {

  /** Where a subscription stands. */
  public enum State {
    /** Created at Livestorm and listed there at the last check. */
    ACTIVE,
    /** Not listed (or listed as disabled) at Livestorm at the last check; re-created then. */
    MISSING,
    /** Could not be created; see the problem. */
    FAILED
  }
}
