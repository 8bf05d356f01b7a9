package com.livestormconnect.copy;

/**
 * One list the copy reads from Livestorm: the events, an event's sessions (breakout rooms
 * included), or a session's people. What is fresh, complete, stale or being read is kept per scope.
 *
 * @param kind which list
 * @param parentId the event (for {@link Kind#SESSIONS}) or session (for {@link Kind#PEOPLE}); null
 *     for the events, and for the sessions of every event (the list the sync watches for changed
 *     sessions)
 */
public record Scope(Kind kind, String parentId) {
  /** The lists the copy reads. */
  public enum Kind {
    EVENTS,
    SESSIONS,
    PEOPLE
  }

  public Scope {
    if (kind == null
        || (kind == Kind.EVENTS && parentId != null)
        || (kind == Kind.PEOPLE && parentId == null)) {
      throw new IllegalArgumentException("the events have no parent; people have a session");
    }
  }

  public static Scope events() {
    return new Scope(Kind.EVENTS, null);
  }

  public static Scope sessions(String eventId) {
    return new Scope(Kind.SESSIONS, eventId);
  }

  /** Every session of the account, read for what changed since the last read. */
  static Scope allSessions() {
    return new Scope(Kind.SESSIONS, null);
  }

  public static Scope people(String sessionId) {
    return new Scope(Kind.PEOPLE, sessionId);
  }

  /** The key of its row in {@code copy_scope}. */
  String key() {
    return switch (kind) {
      case EVENTS -> "events";
      case SESSIONS -> parentId == null ? "sessions" : "sessions/" + parentId;
      case PEOPLE -> "people/" + parentId;
    };
  }

  static Scope fromRow(String kind, String parentId) {
    return new Scope(Kind.valueOf(kind), parentId);
  }
}
