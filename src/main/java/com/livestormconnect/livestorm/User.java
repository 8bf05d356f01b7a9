package com.livestormconnect.livestorm;

import java.time.Instant;

/** A Livestorm team member ({@code /users}), or the connected user ({@code /me}). */
public record User(
    String id,
    String role,
    String firstName,
    String lastName,
    String email,
    String locale,
    boolean pendingInvite,
    String organizationId,
    Instant createdAt) {

  static User from(JsonApi.Resource r) {
    return new User(
        r.id(),
        r.text("role"),
        r.text("first_name"),
        r.text("last_name"),
        r.text("email"),
        r.text("locale"),
        r.flag("pending_invite"),
        r.relationshipId("organization"),
        r.instant("created_at"));
  }

  public String fullName() {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? email : name;
  }
}
