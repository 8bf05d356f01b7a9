package com.livestormconnect.sandbox.data;

import java.util.Set;

/** A webhook subscription: one URL for one event name. */
public record Webhook(String id, String url, String event, long createdAt, long updatedAt) {
  /** The event names Livestorm documents (facts file, section 6). */
  public static final Set<String> EVENTS =
      Set.of(
          "event.created",
          "event.published",
          "session.created",
          "session.started",
          "session.ended",
          "people.registered",
          "people.attended",
          "people.not_attended",
          "people.watched_replay",
          "job.created",
          "job.ended");
}
