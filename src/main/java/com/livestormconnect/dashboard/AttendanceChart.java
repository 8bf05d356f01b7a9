package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many of the listed people attended 0–9 %, 10–19 %, …, 90–100 % of the session: ten bars,
 * counting only attendees whose rate Livestorm gave.
 */
final class AttendanceChart {
  private AttendanceChart() {}

  static BarChart of(
      List<Person> people, String title, String description, String series, Locale locale) {
    double[] counts = new double[10];
    people.stream()
        .filter(
            p -> p.registrant() != null && p.registrant().attendanceRate() != null && p.attended())
        .forEach(p -> counts[Math.min(9, (int) (p.registrant().attendanceRate() / 10))]++);
    List<BarChart.Group> groups = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      groups.add(
          new BarChart.Group(
              i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9) + " %", List.of(counts[i])));
    }
    return new BarChart("rate-chart", title, description, List.of(series), groups, locale);
  }
}
