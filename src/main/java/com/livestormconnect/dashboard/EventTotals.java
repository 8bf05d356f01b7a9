package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Session;
import java.util.List;

/**
 * An event's engagement summed over its sessions: how many sessions took place, registrants,
 * attendees, the share of registrants who attended, and the time sessions ran.
 */
public record EventTotals(
    int sessions, int held, long registrants, long attendees, long durationSeconds) {

  public static EventTotals of(List<Session> sessions) {
    int held = 0;
    long registrants = 0;
    long attendees = 0;
    long duration = 0;
    for (Session s : sessions) {
      registrants += s.registrantsCount();
      attendees += s.attendeesCount();
      if (s.endedAt() != null) {
        held++;
        duration += s.durationSeconds() == null ? 0 : s.durationSeconds();
      }
    }
    return new EventTotals(sessions.size(), held, registrants, attendees, duration);
  }

  /** Attendees as a percentage of registrants, or null with no registrants. */
  public Double attendanceRate() {
    return registrants == 0 ? null : 100.0 * attendees / registrants;
  }
}
