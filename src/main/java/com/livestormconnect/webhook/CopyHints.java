package com.livestormconnect.webhook;

import com.livestormconnect.copy.Changes;
import com.livestormconnect.copy.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the webhooks tell the local copy without a body to apply: the list to re-read soon for an
 * unsigned delivery (a session's people for a person, an event's sessions for a session, the events
 * for an event), or for a subscription that was missing a while. The copy batches the marks: a
 * session's 300 {@code people.attended} hints cost one re-read of its people.
 */
@ApplicationScoped
public class CopyHints {
  @Inject Changes changes;

  /** Whether the copy keeps resources of this JSON:API type. */
  static boolean kept(String type) {
    return "events".equals(type) || "sessions".equals(type) || "people".equals(type);
  }

  /** Marks the row's scope stale; false when the copy keeps nothing the row could be about. */
  boolean hint(Inbox.Pending row) {
    Scope scope =
        switch (row.type()) {
          case "events" -> Scope.events();
          case "sessions" -> row.eventId() != null ? Scope.sessions(row.eventId()) : Scope.events();
          case "people" -> row.sessionId() != null ? Scope.people(row.sessionId()) : null;
          default -> null;
        };
    if (scope == null) {
      return false;
    }
    changes.markStale(row.accountId(), scope);
    return true;
  }

  /**
   * A subscription for {@code event} was missing for a while: what it would have delivered may have
   * been missed. The events are re-read, and from them the sync finds what changed.
   */
  public void gap(long accountId, String event) {
    changes.markStale(accountId, Scope.events());
  }
}
