package com.livestormconnect.dashboard;

import java.util.Locale;
import java.util.Optional;

/**
 * What a page's "refresh" button re-reads from Livestorm into the local copy, and the page it
 * returns to: the dashboard (events and organization), the events list, an event (its sessions), a
 * session (its event's sessions and its people), the organization.
 *
 * @param kind which page
 * @param id the event or session; null for the others
 */
public record RefreshTarget(Kind kind, String id) {
  /** The pages with a refresh button. */
  public enum Kind {
    DASHBOARD,
    EVENTS,
    EVENT,
    SESSION,
    ORGANIZATION;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RefreshTarget {
    if (kind == null || (kind == Kind.EVENT || kind == Kind.SESSION) == (id == null)) {
      throw new IllegalArgumentException("an event or a session is named by its id, others not");
    }
  }

  /** The target a refresh form names ({@code what} and {@code id}), if it is one. */
  static Optional<RefreshTarget> of(String what, String id) {
    for (Kind kind : Kind.values()) {
      if (kind.key().equals(what)) {
        boolean needsId = kind == Kind.EVENT || kind == Kind.SESSION;
        // Only an id our own URLs could hold: the page to go back to is built from it.
        if (needsId
            && (id == null
                || SubPath.parse("/" + id).filter(p -> p.action().isEmpty()).isEmpty())) {
          return Optional.empty();
        }
        return Optional.of(new RefreshTarget(kind, needsId ? id : null));
      }
    }
    return Optional.empty();
  }

  /** The page the button was on, to go back to. */
  String page() {
    return switch (kind) {
      case DASHBOARD -> "/dashboard";
      case EVENTS -> "/events";
      case EVENT -> "/events/" + id;
      case SESSION -> "/sessions/" + id;
      case ORGANIZATION -> "/organization";
    };
  }

  public String what() {
    return kind.key();
  }
}
