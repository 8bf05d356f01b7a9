package com.livestormconnect.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the user reads them: in their time zone (the {@code tz} cookie that static/tz.js sets
 * from the browser, UTC when absent or unknown), with the month spelled out and the zone named, so
 * that no date is ambiguous ({@code 28 Nov 2026, 14:05 CET}).
 */
public record TimeFormat(ZoneId zone, Locale locale) {
  public static final String COOKIE = "tz";

  /** "UTC" rather than the offset "Z", so that it reads as a zone name. */
  public static final ZoneId UTC = ZoneId.of("UTC");

  public static TimeFormat of(HttpServletRequest request) {
    return new TimeFormat(zoneOf(request.getCookies()), request.getLocale());
  }

  static ZoneId zoneOf(Cookie[] cookies) {
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          return zone(cookie.getValue());
        }
      }
    }
    return UTC;
  }

  /** A zone id from the browser; anything Java does not know (or a fixed offset) means UTC. */
  static ZoneId zone(String id) {
    if (id == null || id.length() > 64 || !id.matches("[A-Za-z][A-Za-z0-9_+\\-/]*")) {
      return UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return UTC;
    }
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : pattern("d MMM uuuu, HH:mm zzz").format(instant);
  }

  /** To the second, for moments a few seconds away (when calls resume after a 429). */
  public String dateTimeSeconds(Instant instant) {
    return instant == null ? "" : pattern("d MMM uuuu, HH:mm:ss zzz").format(instant);
  }

  public String date(Instant instant) {
    return instant == null ? "" : pattern("d MMM uuuu").format(instant);
  }

  /** The zone as shown beside the times, e.g. {@code Europe/Paris}. */
  public String zoneName() {
    return zone.getId();
  }

  /** A duration in hours, minutes and seconds, e.g. {@code 1 h 05 min}, {@code 12 min 30 s}. */
  public String duration(long seconds) {
    Duration d = Duration.ofSeconds(Math.max(0, seconds));
    if (d.toHours() > 0) {
      return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
    return d.toSeconds() + " s";
  }

  private DateTimeFormatter pattern(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
  }
}
