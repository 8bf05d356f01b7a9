package com.livestormconnect.livestorm;

import java.time.Instant;

/** One occurrence of an event, with its registrant and attendee counts. */
public record Session(
    String id,
    String eventId,
    String name,
    String status,
    String timezone,
    String roomLink,
    int registrantsCount,
    int attendeesCount,
    Integer durationSeconds,
    Instant estimatedStartedAt,
    Instant startedAt,
    Instant endedAt,
    Instant canceledAt,
    Instant createdAt,
    Instant updatedAt,
    String breakoutRoomParentId) {

  static Session from(JsonApi.Resource r) {
    return new Session(
        r.id(),
        r.text("event_id"),
        r.text("name"),
        r.text("status"),
        r.text("timezone"),
        r.text("room_link"),
        r.count("registrants_count"),
        r.count("attendees_count"),
        r.integer("duration"),
        r.instant("estimated_started_at"),
        r.instant("started_at"),
        r.instant("ended_at"),
        r.instant("canceled_at"),
        r.instant("created_at"),
        r.instant("updated_at"),
        r.text("breakout_room_parent_session_id"));
  }

  /** A breakout room of another session ({@code breakout_room_parent_session_id}). */
  public boolean isBreakoutRoom() {
    return breakoutRoomParentId != null && !breakoutRoomParentId.isBlank();
  }

  /** When it starts (or started): the actual start when known, else the planned one. */
  public Instant start() {
    return startedAt != null ? startedAt : estimatedStartedAt;
  }
}
