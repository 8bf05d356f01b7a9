package com.livestormconnect.copy;

/**
 * One list the copy reads from Livestorm: the events, an event's sessions (breakout rooms
 * included), or a session's people. What is fresh, complete, stale or being read is kept per scope.
 *
 * @param kind which list
 * @param parentId the event (for {@link Kind#SESSIONS}) or session (for {@link Kind#PEOPLE}); null
 *     for the events
 */
public record Scope(Kind kind, String parentId) {
  /** The lists the copy reads. */
  public enum Kind {
    EVENTS,
    SESSIONS,
    PEOPLE
  }

  public Scope {
    if (kind == null || (kind == Kind.EVENTS) != (parentId == null)) {
      throw new IllegalArgumentException("the events have no parent; sessions and people have one");
    }
  }

  public static Scope events() {
    return new Scope(Kind.EVENTS, null);
  }

  public static Scope sessions(String eventId) {
    return new Scope(Kind.SESSIONS, eventId);
  }

  public static Scope people(String sessionId) {
    return new Scope(Kind.PEOPLE, sessionId);
  }

  /** The key of its row in {@code copy_scope}. */
  String key() {
    return switch (kind) {
      case EVENTS -> "events";
      case SESSIONS -> "sessions/" + parentId;
      case PEOPLE -> "people/" + parentId;
    };
  }

  static Scope fromRow(String kind, String parentId) {
    return new Scope(Kind.valueOf(kind), parentId);
  }
}
