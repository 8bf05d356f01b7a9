package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Registrant;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session page's attendance-rate distribution: ten bars of attendees by rate. */
class AttendanceChartTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static Person person(boolean attended, Double rate) {
    Registrant registrant =
        new Registrant(
            "e-1", "s-1", NOW, attended, rate, 60L, false, "API", null, null, null, null, "FR",
            "France", "Paris", "Chrome", "Mac OS", null, Map.of());
    return new Person(
        "p",
        "participant",
        "Ada",
        "Lovelace",
        "ada@example.com",
        "Europe/Paris",
        0,
        0,
        0,
        0,
        registrant,
        NOW,
        NOW,
        null);
  }

  @Test
  void countsAttendeesByTenthOfTheSessionWithAHundredPercentInTheLastBar() {
    BarChart chart =
        AttendanceChart.of(
            List.of(
                person(true, 0.0),
                person(true, 9.9),
                person(true, 10.0),
                person(true, 95.0),
                person(true, 100.0),
                person(false, 50.0),
                person(true, null)),
            "Attendance rate",
            "How long attendees stayed",
            "Attendees",
            Locale.ENGLISH);

    assertEquals(10, chart.groups().size());
    assertEquals("0–9 %", chart.groups().get(0).label());
    assertEquals("90–100 %", chart.groups().get(9).label());
    assertEquals(
        List.of(2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0),
        chart.groups().stream().map(g -> g.values().get(0)).toList());
    assertEquals(List.of("Attendees"), chart.series());
    assertEquals("rate-chart", chart.id());
  }
}
