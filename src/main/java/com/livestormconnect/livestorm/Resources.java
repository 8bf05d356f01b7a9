package com.livestormconnect.livestorm;

import jakarta.json.JsonObject;

/**
 * The records of this package built from a resource kept as Livestorm sent it (a JSON:API {@code
 * data} object, as the local copy stores it), read exactly as a fresh answer would be.
 */
public final class Resources {
  private static final String STORED = "(stored)";

  private Resources() {}

  public static Event event(JsonObject resource) {
    return JsonApi.map(resource, STORED, Event::from);
  }

  public static Session session(JsonObject resource) {
    return JsonApi.map(resource, STORED, Session::from);
  }

  public static Person person(JsonObject resource) {
    return JsonApi.map(resource, STORED, Person::from);
  }

  public static Organization organization(JsonObject resource) {
    return JsonApi.map(resource, STORED, Organization::from);
  }

  public static User user(JsonObject resource) {
    return JsonApi.map(resource, STORED, User::from);
  }
}
