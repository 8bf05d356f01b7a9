package com.livestormconnect.livestorm;

import java.time.Instant;

/**
 * A person in a session or event: who they are, their engagement counts, and (in a session's
 * context) their registration with its attendance figures.
 */
public record Person(
    String id,
    String role,
    String firstName,
    String lastName,
    String email,
    String timezone,
    int messagesCount,
    int questionsCount,
    int votesCount,
    int upVotesCount,
    Registrant registrant,
    Instant createdAt,
    Instant updatedAt,
    Instant replayWatchedAt) {
  public static final String PARTICIPANT = "participant";
  public static final String TEAM_MEMBER = "team_member";

  static Person from(JsonApi.Resource r) {
    var detail = r.object("registrant_detail");
    return new Person(
        r.id(),
        r.text("role"),
        r.text("first_name"),
        r.text("last_name"),
        r.text("email"),
        r.text("timezone"),
        r.count("messages_count"),
        r.count("questions_count"),
        r.count("votes_count"),
        r.count("up_votes_count"),
        detail == null ? null : Registrant.from(detail),
        r.instant("created_at"),
        r.instant("updated_at"),
        replayWatchedAt(r.object("replay_view_detail")));
  }

  /**
   * {@code replay_view_detail.watched_at}, the one key public clients read (its shape is
   * undocumented).
   */
  private static Instant replayWatchedAt(jakarta.json.JsonObject replay) {
    return replay == null ? null : JsonApi.instant(replay, "watched_at");
  }

  public boolean teamMember() {
    return TEAM_MEMBER.equals(role);
  }

  public String fullName() {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? email : name;
  }

  public boolean attended() {
    return registrant != null && registrant.attended();
  }
}
