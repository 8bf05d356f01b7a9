package com.livestormconnect.copy;

/**
 * Which events to read from the copy: newest first by creation, or by title.
 *
 * @param title part of the title, any case; null or blank for all
 * @param schedulingStatus Livestorm's {@code scheduling_status} (upcoming, live, ended, draft...);
 *     null or blank for all
 * @param byTitle sort by title instead of newest first
 */
public record EventFilter(String title, String schedulingStatus, boolean byTitle) {
  public static final EventFilter ALL = new EventFilter(null, null, false);
}
