package com.livestormconnect.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Livestorm's webhooks as the app receives them: the signing secret (when set, every delivery must
 * carry a valid {@code x-livestorm-signature}; when unset, a delivery is only a hint that something
 * changed) and the events the app subscribes to for each connection.
 */
public record WebhookSettings(Optional<String> secret, List<String> events) {
  /** Every event Livestorm documents for webhooks. */
  public static final List<String> KNOWN_EVENTS =
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

  /** What the local copy keeps: events, sessions and people; jobs are not part of it. */
  public static final List<String> COPY_EVENTS =
      KNOWN_EVENTS.stream().filter(e -> !e.startsWith("job.")).toList();

  /** Shortest secret accepted: anything shorter is guessable. */
  static final int MIN_SECRET_LENGTH = 16;

  public WebhookSettings {
    events = List.copyOf(events);
  }

  static WebhookSettings read(Environment env) {
    Optional<String> secret = env.secret("LIVESTORM_WEBHOOK_SECRET");
    if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
      env.problem(
          "LIVESTORM_WEBHOOK_SECRET",
          "must be at least " + MIN_SECRET_LENGTH + " characters (Livestorm's signing secret)");
    }
    Optional<String> raw = env.text("LIVESTORM_WEBHOOK_EVENTS");
    if (raw.isEmpty()) {
      return new WebhookSettings(secret, COPY_EVENTS);
    }
    Set<String> events = new LinkedHashSet<>();
    for (String name : Arrays.stream(raw.get().split(",")).map(String::trim).toList()) {
      if (name.isEmpty()) {
        continue;
      }
      if (!KNOWN_EVENTS.contains(name)) {
        env.problem(
            "LIVESTORM_WEBHOOK_EVENTS",
            "names an unknown event '"
                + name
                + "' (known: "
                + String.join(", ", KNOWN_EVENTS)
                + ")");
      } else {
        events.add(name);
      }
    }
    return new WebhookSettings(secret, List.copyOf(events));
  }

  public boolean signed() {
    return secret.isPresent();
  }

  @Override
  public String toString() {
    return "WebhookSettings[secret="
        + (secret.isPresent() ? "<set>" : "<unset>")
        + ", events="
        + events
        + "]";
  }
}
