package com.livestormconnect.sandbox.data;

/**
 * One occurrence of an event. Unset timestamps are 0 and an unknown duration is null, as in
 * Livestorm's responses; the status follows from the timestamps (see {@link #status}).
 */
public record EventSession(
    String id,
    String eventId,
    String name,
    String timezone,
    long estimatedStartedAt,
    long startedAt,
    long endedAt,
    long canceledAt,
    Integer duration,
    long createdAt,
    long updatedAt) {

  /**
   * Livestorm's session status, derived from the dates so that it is always consistent with them.
   */
  public String status(boolean eventPublished, long now) {
    if (canceledAt > 0) {
      return "canceled";
    }
    if (!eventPublished) {
      return "draft";
    }
    if (startedAt > 0 && endedAt == 0) {
      return "live";
    }
    if (endedAt > 0) {
      return "past";
    }
    return estimatedStartedAt > now ? "upcoming" : "past_not_started";
  }

  /** The same session started at {@code at}. */
  public EventSession started(long at) {
    return new EventSession(
        id, eventId, name, timezone, estimatedStartedAt, at, 0, 0, null, createdAt, at);
  }

  /** The same session ended at {@code at}, its duration counted from its start. */
  public EventSession ended(long at) {
    return new EventSession(
        id,
        eventId,
        name,
        timezone,
        estimatedStartedAt,
        startedAt,
        at,
        0,
        (int) (at - startedAt),
        createdAt,
        at);
  }

  /** The same session canceled at {@code at}. */
  public EventSession canceled(long at) {
    return new EventSession(
        id, eventId, name, timezone, estimatedStartedAt, 0, 0, at, null, createdAt, at);
  }

  public boolean live() {
    return startedAt > 0 && endedAt == 0;
  }

  /** The same session, changed at {@code at}. */
  public EventSession updated(long at) {
    return new EventSession(
        id,
        eventId,
        name,
        timezone,
        estimatedStartedAt,
        startedAt,
        endedAt,
        canceledAt,
        duration,
        createdAt,
        at);
  }
}
