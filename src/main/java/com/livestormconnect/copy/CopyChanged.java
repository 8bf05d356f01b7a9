package com.livestormconnect.copy;

import java.time.Instant;
import java.util.Set;

/**
 * A row of a connection's local copy that changed, fired as a CDI event once the change has been
 * committed (observe it with {@code @Observes}; it is never fired for a change that rolled back).
 * This is how a partner's own code in the same WAR learns of new registrants, attendance, edited or
 * deleted events, whether the copy learned it from the scheduled sync or from a webhook. A change
 * read twice (a webhook delivered three times, then the sync reading the same row) fires once.
 *
 * @param accountId the connected account whose copy changed
 * @param kind what kind of row
 * @param id Livestorm's id of the row (a person's id for {@link Kind#PERSON})
 * @param sessionId the session a person's registration belongs to; null for other kinds
 * @param change whether the row is new, changed or gone
 * @param fields the names of the stored attributes that changed (empty for a new or deleted row)
 * @param updatedAt Livestorm's {@code updated_at} of the row as now held (null when deleted)
 */
public record CopyChanged(
    long accountId,
    Kind kind,
    String id,
    String sessionId,
    Change change,
    Set<String> fields,
    Instant updatedAt) {

  /** The kinds of row the copy holds. */
  public enum Kind {
    ORGANIZATION,
    EVENT,
    SESSION,
    PERSON
  }

  /** What happened to the row. */
  public enum Change {
    CREATED,
    UPDATED,
    DELETED
  }

  public CopyChanged {
    fields = Set.copyOf(fields);
  }
}
