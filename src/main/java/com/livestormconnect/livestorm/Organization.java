package com.livestormconnect.livestorm;

import java.time.Instant;

/**
 * The connected user's workspace. Livestorm does not document its attributes; the name is looked
 * for under the likely keys and everything else is optional.
 */
public record Organization(String id, String name, String slug, String website, Instant createdAt) {

  static Organization from(JsonApi.Resource r) {
    String name = r.text("name");
    if (name == null) {
      name = r.text("title");
    }
    return new Organization(r.id(), name, r.text("slug"), r.text("website_link"),
        r.instant("created_at"));
  }
}
