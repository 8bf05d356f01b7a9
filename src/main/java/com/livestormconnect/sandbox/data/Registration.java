package com.livestormconnect.sandbox.data;

import java.util.Map;

/**
 * A person registered to a session, with what they did there. Country, UTM and device values are
 * shared instances from small pools, which keeps 20,000 of these to a few megabytes.
 */
public record Registration(
    String personId,
    String sessionId,
    String eventId,
    String firstName,
    String lastName,
    String email,
    String timezone,
    long createdAt,
    long updatedAt,
    boolean attended,
    Integer attendanceRate,
    int attendanceDuration,
    int messagesCount,
    int questionsCount,
    int votesCount,
    int upVotesCount,
    boolean viewedReplay,
    Place place,
    Source source,
    String browserName,
    String osName,
    String registrationType,
    Map<String, String> answers) {

  /**
   * A registration to {@code session} with nothing done there beyond attending it: no message,
   * question, vote or replay, no place or device known.
   *
   * @param attendedSeconds how long they attended all of the session (rate 100), or null for
   *     someone who did not attend
   */
  public static Registration quiet(
      String personId,
      EventSession session,
      String firstName,
      String lastName,
      String email,
      String timezone,
      long createdAt,
      long updatedAt,
      Integer attendedSeconds,
      Source source,
      String registrationType,
      Map<String, String> answers) {
    boolean attended = attendedSeconds != null;
    return new Registration(
        personId,
        session.id(),
        session.eventId(),
        firstName,
        lastName,
        email,
        timezone,
        createdAt,
        updatedAt,
        attended,
        attended ? 100 : null,
        attended ? attendedSeconds : 0,
        0,
        0,
        0,
        0,
        false,
        new Place(null, null, null),
        source,
        null,
        null,
        registrationType,
        answers);
  }

  /**
   * The same registration once its session ended: whether the person attended, how much of it
   * (rate, a percentage, or null) and for how long (seconds), decided at {@code at}.
   */
  public Registration attendance(boolean attended, Integer rate, int duration, long at) {
    return new Registration(
        personId,
        sessionId,
        eventId,
        firstName,
        lastName,
        email,
        timezone,
        createdAt,
        at,
        attended,
        rate,
        duration,
        messagesCount,
        questionsCount,
        votesCount,
        upVotesCount,
        viewedReplay,
        place,
        source,
        browserName,
        osName,
        registrationType,
        answers);
  }

  /** The same registration with its replay watched at {@code at}. */
  public Registration replayWatched(long at) {
    return new Registration(
        personId,
        sessionId,
        eventId,
        firstName,
        lastName,
        email,
        timezone,
        createdAt,
        at,
        attended,
        attendanceRate,
        attendanceDuration,
        messagesCount,
        questionsCount,
        votesCount,
        upVotesCount,
        true,
        place,
        source,
        browserName,
        osName,
        registrationType,
        answers);
  }

  /** Custom field answers: those given through the API, else the demo's answers for the event. */
  public Map<String, String> customAnswers() {
    return answers != null ? answers : EventFields.demoAnswers(eventId, personId);
  }

  /** Where the registrant connected from (ip_city, ip_country_code, ip_country_name). */
  public record Place(String city, String countryCode, String countryName) {}

  /** How they came (referrer and UTM parameters); any part may be null. */
  public record Source(
      String referrer,
      String utmSource,
      String utmMedium,
      String utmCampaign,
      String utmTerm,
      String utmContent) {
    public static final Source NONE = new Source(null, null, null, null, null, null);
  }
}
