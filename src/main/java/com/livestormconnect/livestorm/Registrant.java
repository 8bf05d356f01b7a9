package com.livestormconnect.livestorm;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
    String connectionLink,
    Map<String, String> customAnswers) {

  static Registrant from(JsonObject d) {
    Double duration = JsonApi.number(d, "attendance_duration");
    return new Registrant(
        JsonApi.text(d, "event_id"),
        JsonApi.text(d, "session_id"),
        JsonApi.instant(d, "created_at"),
        JsonApi.flag(d, "attended"),
        JsonApi.number(d, "attendance_rate"),
        duration == null ? 0 : duration.longValue(),
        JsonApi.flag(d, "has_viewed_replay"),
        JsonApi.text(d, "registration_type"),
        JsonApi.text(d, "referrer"),
        JsonApi.text(d, "utm_source"),
        JsonApi.text(d, "utm_medium"),
        JsonApi.text(d, "utm_campaign"),
        JsonApi.text(d, "ip_country_code"),
        JsonApi.text(d, "ip_country_name"),
        JsonApi.text(d, "ip_city"),
        JsonApi.text(d, "browser_name"),
        JsonApi.text(d, "os_name"),
        joinLink(JsonApi.text(d, "connection_link")),
        customAnswers(d));
  }

  /**
   * Answers to the event's custom fields ({@code fields} with {@code custom: true}), in the form's
   * order, "" when unanswered; lists joined by "; ".
   */
  private static Map<String, String> customAnswers(JsonObject d) {
    Map<String, String> answers = new LinkedHashMap<>();
    if (d.get("fields") instanceof JsonArray fields) {
      for (JsonValue item : fields) {
        if (item instanceof JsonObject f
            && JsonApi.flag(f, "custom")
            && JsonApi.text(f, "id") != null) {
          JsonValue value = f.get("value");
          String text =
              value instanceof JsonArray list
                  ? String.join(
                      "; ",
                      list.stream()
                          .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                          .toList())
                  : JsonApi.text(f, "value");
          answers.put(JsonApi.text(f, "id"), text == null ? "" : text);
        }
      }
    }
    return java.util.Collections.unmodifiableMap(answers);
  }

  /** The personal join link, kept only when it is an https URL (it ends up in an href). */
  private static String joinLink(String link) {
    return link != null && link.startsWith("https://") && link.length() <= 2000 ? link : null;
  }
}
