package com.livestormconnect.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakoutRoomsTest {
  private static final DemoData DATA = DemoData.generate(1_767_225_600L);

  @Test
  void someEndedSessionsHaveTwoRoomsThatPointAtThemAndAreTheSameOnEveryStart() {
    List<BreakoutRooms.Room> rooms =
        DATA.sessions().stream().flatMap(s -> BreakoutRooms.of(s).stream()).toList();
    assertTrue(rooms.size() >= 10, "rooms: " + rooms.size());
    for (BreakoutRooms.Room room : rooms) {
      EventSession parent =
          DATA.sessions().stream()
              .filter(s -> s.id().equals(room.parentId()))
              .findFirst()
              .orElseThrow();
      assertTrue(parent.endedAt() > 0);
      assertEquals(parent.eventId(), room.session().eventId());
      assertTrue(
          room.session().startedAt() >= parent.startedAt()
              && room.session().endedAt() <= parent.endedAt());
      assertEquals(room, BreakoutRooms.find(room.session().id(), DATA.sessions()).orElseThrow());
    }
    assertEquals(
        rooms,
        DemoData.generate(1_767_225_600L).sessions().stream()
            .flatMap(s -> BreakoutRooms.of(s).stream())
            .toList());
  }
}
