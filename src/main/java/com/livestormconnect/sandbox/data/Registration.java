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
