package com.livestormconnect.sandbox.data;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Who attended a session that just ended, and how much: decided from each person's id, so that a
 * test that ends the same session twice over (on two deployments) sees the same attendance, and a
 * share of the registrants chosen by the test attends.
 *
 * @param share the percentage (0 to 100) of registrants who attend
 */
public record Attendance(int share) {
  public static final int DEFAULT_SHARE = 60;

  public Attendance {
    if (share < 0 || share > 100) {
      throw new IllegalArgumentException("share must be from 0 to 100");
    }
  }

  /**
   * The registration once the session ended at {@code at} after {@code duration} seconds: an
   * attendee stayed 5 to 100 % of it; someone who did not attend has a rate of 0, as Livestorm
   * shows the registrants of a session that ran.
   */
  Registration decide(Registration person, int duration, long at) {
    int draw = Math.floorMod(hash(person.personId(), "attended"), 100);
    if (draw >= share) {
      return person.attendance(false, 0, 0, at);
    }
    int rate = 5 + Math.floorMod(hash(person.personId(), "rate"), 96);
    return person.attendance(true, rate, duration * rate / 100, at);
  }

  private static int hash(String id, String what) {
    return UUID.nameUUIDFromBytes((id + "/" + what).getBytes(StandardCharsets.UTF_8)).hashCode();
  }
}
