package com.livestormconnect.livestorm;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A person's registration to a session ({@code registrant_detail}). There is no separate
 * registration date in the API: the detail's {@code created_at} is when they registered.
 */
public record Registrant(
    String eventId,
    String sessionId,
    Instant registeredAt,
    boolean attended,
    Double attendanceRate,
    long attendanceDurationSeconds,
    boolean viewedReplay,
    String registrationType,
    String referrer,
    String utmSource,
    String utmMedium,
    String utmCampaign,
    String countryCode,
    String countryName,
    String city,
    String browserName,
    String osName,
    String connectionLink) {

  static Registrant from(JsonObject d) {
    Double duration = JsonApi.number(d, "attendance_duration");
    return new Registrant(JsonApi.text(d, "event_id"), JsonApi.text(d, "session_id"),
        JsonApi.instant(d, "created_at"), JsonApi.flag(d, "attended"),
        JsonApi.number(d, "attendance_rate"), duration == null ? 0 : duration.longValue(),
        JsonApi.flag(d, "has_viewed_replay"), JsonApi.text(d, "registration_type"),
        JsonApi.text(d, "referrer"), JsonApi.text(d, "utm_source"), JsonApi.text(d, "utm_medium"),
        JsonApi.text(d, "utm_campaign"), JsonApi.text(d, "ip_country_code"),
        JsonApi.text(d, "ip_country_name"), JsonApi.text(d, "ip_city"),
        JsonApi.text(d, "browser_name"), JsonApi.text(d, "os_name"), joinLink(JsonApi.text(d, "connection_link")));
  }

  /** The personal join link, kept only when it is an https URL (it ends up in an href). */
  private static String joinLink(String link) {
    return link != null && link.startsWith("https://") && link.length() <= 2000 ? link : null;
  }
}
