package com.livestormconnect.livestorm;

import java.time.Instant;

/** A Livestorm event (a webinar or meeting series), the parent of its sessions. */
public record Event(
    String id,
    String title,
    String slug,
    String description,
    String status,
    String schedulingStatus,
    String registrationLink,
    String language,
    Integer estimatedDurationMinutes,
    int sessionsCount,
    boolean everyoneCanSpeak,
    boolean chatEnabled,
    boolean questionsEnabled,
    boolean pollsEnabled,
    boolean recordingEnabled,
    String ownerName,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt) {

  static Event from(JsonApi.Resource r) {
    return new Event(
        r.id(),
        r.text("title"),
        r.text("slug"),
        r.text("description"),
        r.text("status"),
        r.text("scheduling_status"),
        r.text("registration_link"),
        r.text("language"),
        r.integer("estimated_duration"),
        r.count("sessions_count"),
        r.flag("everyone_can_speak"),
        r.flag("chat_enabled"),
        r.flag("questions_enabled"),
        r.flag("polls_enabled"),
        r.flag("recording_enabled"),
        ownerName(r),
        r.instant("published_at"),
        r.instant("created_at"),
        r.instant("updated_at"));
  }

  /** Livestorm embeds the owner as a people object inside the attributes. */
  private static String ownerName(JsonApi.Resource r) {
    var owner = r.object("owner");
    if (owner == null || !(owner.get("attributes") instanceof jakarta.json.JsonObject attributes)) {
      return null;
    }
    String first = JsonApi.text(attributes, "first_name");
    String last = JsonApi.text(attributes, "last_name");
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    return name.isEmpty() ? JsonApi.text(attributes, "email") : name;
  }
}
