package com.livestormconnect.livestorm;

import java.time.Instant;

/**
 * The connected user's workspace. Livestorm does not document its attributes; the name is looked
 * for under the likely keys and everything else is optional.
 */
public record Organization(String id, String name, String slug, String website, Instant createdAt) {

  /**
   * Either shape of {@code GET /organization?include=organization}: a user (type {@code users}, or
   * any resource with an organization relationship) whose organization is looked up in {@code
   * included}, or the organization itself. A user whose organization is not included gives the
   * organization's id only: never the user's own attributes.
   */
  static Organization read(String body, String endpoint) {
    JsonApi.Resource data = JsonApi.one(body, endpoint, r -> r);
    String organizationId = data.relationshipId("organization");
    if (!"users".equals(data.type()) && organizationId == null) {
      return from(data);
    }
    return JsonApi.included(body, endpoint, "organizations", organizationId)
        .map(Organization::from)
        .orElseGet(() -> new Organization(organizationId, null, null, null, null));
  }

  /**
   * The organization's own resource from either shape (see {@link #read}); a user whose
   * organization is not included gives a resource with the organization's id only.
   */
  static jakarta.json.JsonObject resource(String body, String endpoint) {
    JsonApi.Resource data = JsonApi.one(body, endpoint, r -> r);
    String organizationId = data.relationshipId("organization");
    if (!"users".equals(data.type()) && organizationId == null) {
      return JsonApi.resource(body, endpoint);
    }
    if (organizationId == null) {
      throw LivestormException.malformed(endpoint, "no organization");
    }
    return JsonApi.includedResource(body, endpoint, "organizations", organizationId)
        .orElseGet(
            () ->
                jakarta.json.Json.createObjectBuilder()
                    .add("id", organizationId)
                    .add("type", "organizations")
                    .build());
  }

  static Organization from(JsonApi.Resource r) {
    String name = r.text("name");
    if (name == null) {
      name = r.text("title");
    }
    return new Organization(
        r.id(), name, r.text("slug"), r.text("website_link"), r.instant("created_at"));
  }
}
