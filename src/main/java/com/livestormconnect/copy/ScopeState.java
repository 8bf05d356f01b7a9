package com.livestormconnect.copy;

import java.time.Instant;

/**
 * A scope's row of {@code copy_scope}: what the copy knows of the list, and the checkpoint of the
 * read in progress (null {@code readingPage} when none).
 */
record ScopeState(
    Scope scope,
    Instant asOf,
    boolean complete,
    Instant fullAt,
    Instant staleSince,
    Integer readingPage,
    boolean readingFull,
    Instant readingSince,
    Instant readingUntil,
    Instant readingStartedAt,
    Long readingCount,
    long readingItems) {

  boolean reading() {
    return readingPage != null;
  }
}
