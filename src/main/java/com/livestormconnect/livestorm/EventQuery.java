package com.livestormconnect.livestorm;

/** Filters of the events list; null or blank means no filter. */
public record EventQuery(String title, String schedulingStatus) {
  public static final EventQuery ALL = new EventQuery(null, null);
}
