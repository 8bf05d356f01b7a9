package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.data.EventFields;
import com.livestormconnect.sandbox.data.Registration;
import com.livestormconnect.sandbox.data.TeamMember;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A person as Livestorm's API shows one, a {@code people} resource. Its attributes start with what
 * every person has (role, dates, time zone, name, e-mail, avatar): an event's owner shows only
 * those; a session's or event's people follow them with their registration (the registrant detail,
 * the counts, the replay view).
 */
record PersonView(
    String id,
    String role,
    long createdAt,
    long updatedAt,
    String timezone,
    String firstName,
    String lastName,
    String email,
    Registration registration) {

  /** Team members carry no time zone of their own in the sandbox. */
  static final String TEAM_TIMEZONE = "Europe/Paris";

  static PersonView owner(TeamMember owner) {
    return new PersonView(
        owner.id(),
        "team_member",
        owner.createdAt(),
        owner.updatedAt(),
        TEAM_TIMEZONE,
        owner.firstName(),
        owner.lastName(),
        owner.email(),
        null);
  }

  static PersonView registrant(Registration p, boolean teamMember) {
    return new PersonView(
        p.personId(),
        teamMember ? "team_member" : "participant",
        p.createdAt(),
        p.updatedAt(),
        p.timezone(),
        p.firstName(),
        p.lastName(),
        p.email(),
        p);
  }

  Map<String, Object> resource() {
    Map<String, Object> attributes =
        attributes(
            "role",
            role,
            "created_at",
            createdAt,
            "updated_at",
            updatedAt,
            "timezone",
            timezone,
            "first_name",
            firstName,
            "last_name",
            lastName,
            "email",
            email,
            "avatar_link",
            null);
    if (registration != null) {
      attributes.putAll(registered(registration));
    }
    return JsonApi.resource("people", id, attributes);
  }

  private static Map<String, Object> registered(Registration p) {
    // Replay views: Livestorm's shape is not documented; watched_at is the one key seen in clients.
    Map<String, Object> replay =
        p.viewedReplay() ? attributes("watched_at", p.updatedAt() + 86_400) : null;
    return attributes(
        "registrant_detail",
        detail(p),
        "messages_count",
        p.messagesCount(),
        "questions_count",
        p.questionsCount(),
        "votes_count",
        p.votesCount(),
        "up_votes_count",
        p.upVotesCount(),
        "replay_view_detail",
        replay);
  }

  private static Map<String, Object> detail(Registration p) {
    String key = passwordKey(p);
    return attributes(
        "event_id",
        p.eventId(),
        "session_id",
        p.sessionId(),
        "created_at",
        p.createdAt(),
        "updated_at",
        p.updatedAt(),
        "fields",
        fields(p),
        "referrer",
        p.source().referrer(),
        "utm_source",
        p.source().utmSource(),
        "utm_medium",
        p.source().utmMedium(),
        "utm_term",
        p.source().utmTerm(),
        "utm_content",
        p.source().utmContent(),
        "utm_campaign",
        p.source().utmCampaign(),
        "browser_version",
        p.browserName() == null ? null : "120.0",
        "browser_name",
        p.browserName(),
        "os_name",
        p.osName(),
        "os_version",
        null,
        "screen_height",
        null,
        "screen_width",
        null,
        "ip_city",
        p.place().city(),
        "ip_country_code",
        p.place().countryCode(),
        "ip_country_name",
        p.place().countryName(),
        "password_key",
        key,
        "connection_link",
        "https://app.livestorm.co/p/"
            + p.eventId()
            + "/live?email="
            + URLEncoder.encode(p.email(), StandardCharsets.UTF_8)
            + "&key="
            + key
            + "&s="
            + p.sessionId(),
        "attended",
        p.attended(),
        "attendance_rate",
        p.attendanceRate(),
        "attendance_duration",
        p.attendanceDuration(),
        "has_viewed_replay",
        p.viewedReplay(),
        "registration_type",
        p.registrationType(),
        "is_highlighted",
        false,
        "is_guest_speaker",
        false,
        "session_role",
        null);
  }

  /** Every field of the event's form, answered or not (null), as a registration carries them. */
  private static List<Map<String, Object>> fields(Registration p) {
    List<Map<String, Object>> fields = new ArrayList<>();
    fields.add(attributes("id", "email", "type", "text", "value", p.email(), "required", true));
    fields.add(
        attributes("id", "first_name", "type", "text", "value", p.firstName(), "required", true));
    fields.add(
        attributes("id", "last_name", "type", "text", "value", p.lastName(), "required", true));
    Map<String, String> answers = p.customAnswers();
    for (EventFields.Field f : EventFields.of(p.eventId())) {
      if (f.custom()) {
        fields.add(
            attributes(
                "id",
                f.id(),
                "type",
                f.type(),
                "value",
                answers.get(f.id()),
                "required",
                f.required(),
                "custom",
                true));
      }
    }
    return fields;
  }

  /** Derived, not stored: keeps 20,000 registrations small, and is stable for each person. */
  private static String passwordKey(Registration p) {
    return UUID.nameUUIDFromBytes((p.personId() + p.sessionId()).getBytes(StandardCharsets.UTF_8))
        .toString()
        .replace("-", "")
        .substring(0, 16)
        .toLowerCase(Locale.ROOT);
  }
}
