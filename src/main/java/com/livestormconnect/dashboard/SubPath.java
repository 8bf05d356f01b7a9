package com.livestormconnect.dashboard;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What follows a dashboard servlet's path, {@code /{id}} or {@code /{id}/{action}}: the id of a
 * Livestorm item (or of an export job) and what to do with it, {@code ""} for its page. Parsed from
 * the decoded path info, so an encoded slash splits like a plain one and an encoded dot stays no
 * id.
 */
record SubPath(String id, String action) {
  /** Livestorm ids are UUIDs; anything else in our URLs is not an id of theirs. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** The id and action of {@code pathInfo}, or empty when it holds no id that looks like one. */
  static Optional<SubPath> parse(String pathInfo) {
    if (pathInfo == null || !pathInfo.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = pathInfo.substring(1).split("/", 2);
    if (!ID.matcher(parts[0]).matches()) {
      return Optional.empty();
    }
    // Everything after the id is the action, slashes and all: "edit/x" or "edit/" is no action.
    return Optional.of(new SubPath(parts[0], parts.length < 2 ? "" : parts[1]));
  }

  /** The path of this id and action under {@code base}, e.g. {@code /events/{id}/edit}. */
  String under(String base) {
    return base + "/" + id + (action.isEmpty() ? "" : "/" + action);
  }

  boolean isOneOf(Set<String> actions) {
    return actions.contains(action);
  }
}
