package com.livestormconnect.livestorm;

import java.time.Instant;
import java.util.List;

/** A webhook subscription: Livestorm POSTs to {@code url} whenever {@code event} happens. */
public record Webhook(String id, String url, String event, Instant createdAt, Instant updatedAt) {
  /** The event names Livestorm documents for webhooks. */
  public static final List<String> EVENTS =
      List.of(
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

  static Webhook from(JsonApi.Resource r) {
    return new Webhook(
        r.id(), r.text("url"), r.text("event"), r.instant("created_at"), r.instant("updated_at"));
  }
}
