package com.livestormconnect.sandbox.data;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Breakout rooms: sessions of their own whose {@code breakout_room_parent_session_id} names the
 * session they split from. One ended session in ten had two, derived from its id so that the rooms
 * are the same on every start without growing the demo data. Livestorm lists them only when asked
 * ({@code filter[include_breakout_rooms]=true}).
 */
public final class BreakoutRooms {
  /** A room and the session it belongs to. */
  public record Room(EventSession session, String parentId) {}

  private static final int ROOMS = 2;

  private BreakoutRooms() {}

  public static List<Room> of(EventSession parent) {
    if (parent.endedAt() == 0 || Math.floorMod(id(parent.id(), "rooms").hashCode(), 10) != 0) {
      return List.of();
    }
    return IntStream.rangeClosed(1, ROOMS)
        .mapToObj(
            n ->
                new Room(
                    new EventSession(
                        id(parent.id(), "room-" + n).toString(),
                        parent.eventId(),
                        "Breakout room " + n,
                        parent.timezone(),
                        parent.estimatedStartedAt(),
                        parent.startedAt() + 600,
                        parent.endedAt() - 300,
                        0,
                        parent.duration() == null ? null : Math.max(60, parent.duration() - 900),
                        parent.createdAt(),
                        parent.updatedAt()),
                    parent.id()))
        .toList();
  }

  /** The room with this id among these sessions' rooms. */
  public static Optional<Room> find(String id, List<EventSession> sessions) {
    return sessions.stream()
        .flatMap(s -> of(s).stream())
        .filter(r -> r.session().id().equals(id))
        .findFirst();
  }

  private static UUID id(String parentId, String what) {
    return UUID.nameUUIDFromBytes((parentId + "/" + what).getBytes(StandardCharsets.UTF_8));
  }
}
