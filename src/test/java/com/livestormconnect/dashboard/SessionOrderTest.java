package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.copy.PeopleQuery;
import com.livestormconnect.livestorm.Session;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionOrderTest {
  @Test
  void anEventsSessionsAreShownByStartDateWithUndatedOnesLast() {
    Session late = session("late", Instant.parse("2026-05-01T10:00:00Z"));
    Session none = session("none", null);
    Session early = session("early", Instant.parse("2026-03-01T10:00:00Z"));

    assertEquals(
        List.of("early", "late", "none"),
        EventServlet.byStart(List.of(late, none, early)).stream().map(Session::id).toList());
  }

  @Test
  void theCopySortsAllPeopleByTheColumnsItKeepsAndNoOthers() {
    assertEquals(PeopleQuery.Order.RATE, SessionPage.copyOrder(PeopleOrder.RATE));
    assertEquals(PeopleQuery.Order.ATTENDANCE, SessionPage.copyOrder(PeopleOrder.ATTENDED));
    assertEquals(null, SessionPage.copyOrder(PeopleOrder.MESSAGES));
    assertEquals(null, SessionPage.copyOrder(null));
  }

  private static Session session(String id, Instant start) {
    return new Session(
        id, "e", null, null, "UTC", null, 0, 0, null, start, null, null, null, null, null, null);
  }
}
