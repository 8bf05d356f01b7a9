package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeFormatTest {
  private static final Instant WINTER = Instant.parse("2026-11-28T13:05:00Z");
  private static final Instant SUMMER = Instant.parse("2026-07-01T13:05:00Z");

  @Test
  void showsDateTimeInTheUsersZoneWithTheZoneNamed() {
    TimeFormat paris = new TimeFormat(ZoneId.of("Europe/Paris"), Locale.ENGLISH);
    assertEquals("28 Nov 2026, 14:05 CET", paris.dateTime(WINTER));
    assertEquals("1 Jul 2026, 15:05 CEST", paris.dateTime(SUMMER));
  }

  @Test
  void spellsTheMonthInTheUsersLanguage() {
    TimeFormat paris = new TimeFormat(ZoneId.of("Europe/Paris"), Locale.FRENCH);
    assertEquals("28 nov. 2026, 14:05 CET", paris.dateTime(WINTER));
  }

  @Test
  void defaultsToUtcWithoutACookieOrWithAnUnknownZone() {
    assertEquals(TimeFormat.UTC, TimeFormat.zoneOf(null));
    assertEquals(
        TimeFormat.UTC, TimeFormat.zoneOf(new Cookie[] {new Cookie("tz", "Mars/Olympus")}));
    assertEquals(TimeFormat.UTC, TimeFormat.zoneOf(new Cookie[] {new Cookie("tz", "<script>")}));
    assertEquals(
        ZoneId.of("America/New_York"),
        TimeFormat.zoneOf(new Cookie[] {new Cookie("tz", "America/New_York")}));
    assertEquals(
        "28 Nov 2026, 13:05 UTC", new TimeFormat(TimeFormat.UTC, Locale.ENGLISH).dateTime(WINTER));
  }

  @Test
  void showsNothingForAMissingTime() {
    assertEquals("", new TimeFormat(TimeFormat.UTC, Locale.ENGLISH).dateTime(null));
  }

  @Test
  void writesDurationsInHoursMinutesAndSeconds() {
    TimeFormat time = new TimeFormat(TimeFormat.UTC, Locale.ENGLISH);
    assertEquals("42 s", time.duration(42));
    assertEquals("12 min 30 s", time.duration(750));
    assertEquals("1 h 05 min", time.duration(3_900));
  }
}
