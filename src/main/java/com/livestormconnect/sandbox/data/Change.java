package com.livestormconnect.sandbox.data;

import java.util.Set;

/**
 * One change to the sandbox's data, named as Livestorm names it in a webhook ({@code
 * people.registered}, {@code session.ended}...) where Livestorm sends one, and by the sandbox
 * otherwise ({@code event.updated}, {@code event.deleted}, {@code session.canceled}, {@code
 * session.updated}: Livestorm documents no webhook for these, so {@link #sentByLivestorm()} is
 * false and nothing should be delivered for them).
 *
 * @param name the event name
 * @param organizationId the workspace the change belongs to
 * @param eventId the event concerned (for a session or person, the event of its session)
 * @param sessionId the session concerned, or null for an event's own changes
 * @param personId the person concerned ({@code people.*} only), else null
 * @param at when it happened, in unix seconds on the sandbox clock: the resource's new {@code
 *     updated_at}
 */
public record Change(
    String name,
    String organizationId,
    String eventId,
    String sessionId,
    String personId,
    long at) {

  public static final String EVENT_CREATED = "event.created";
  public static final String EVENT_PUBLISHED = "event.published";
  public static final String EVENT_UPDATED = "event.updated";
  public static final String EVENT_DELETED = "event.deleted";
  public static final String SESSION_CREATED = "session.created";
  public static final String SESSION_STARTED = "session.started";
  public static final String SESSION_ENDED = "session.ended";
  public static final String SESSION_CANCELED = "session.canceled";
  public static final String SESSION_UPDATED = "session.updated";
  public static final String PEOPLE_REGISTERED = "people.registered";
  public static final String PEOPLE_ATTENDED = "people.attended";
  public static final String PEOPLE_NOT_ATTENDED = "people.not_attended";
  public static final String PEOPLE_WATCHED_REPLAY = "people.watched_replay";

  /** The names of the changes Livestorm sends a webhook for. */
  public static final Set<String> LIVESTORM_EVENTS =
      Set.of(
          EVENT_CREATED,
          EVENT_PUBLISHED,
          SESSION_CREATED,
          SESSION_STARTED,
          SESSION_ENDED,
          PEOPLE_REGISTERED,
          PEOPLE_ATTENDED,
          PEOPLE_NOT_ATTENDED,
          PEOPLE_WATCHED_REPLAY);

  /** The id of the resource a webhook for this change carries: the person, session or event. */
  public String resourceId() {
    return personId != null ? personId : sessionId != null ? sessionId : eventId;
  }

  /** The resource's JSON:API type: {@code people}, {@code sessions} or {@code events}. */
  public String resourceType() {
    return personId != null ? "people" : sessionId != null ? "sessions" : "events";
  }

  public boolean sentByLivestorm() {
    return LIVESTORM_EVENTS.contains(name);
  }
}
