package com.livestormconnect.copy;

import com.livestormconnect.copy.CopyChanged.Kind;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Resources;
import com.livestormconnect.livestorm.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Livestorm resource on its way into the copy, checked and read once: its kind and key, its
 * {@code updated_at}, the columns the copy indexes, and the resource itself as it will be stored. A
 * resource the copy cannot keep (wrong type, no id, an id or text too long for its column, a person
 * without the session it belongs to) is refused with an {@link IllegalArgumentException} whose
 * message says why and never repeats the value.
 */
record Incoming(
    Kind kind,
    String id,
    String sessionId,
    Instant updatedAt,
    JsonObject resource,
    String text,
    Event event,
    Session session,
    Person person) {
  /** Livestorm ids are UUIDs; the key columns hold 200 characters. */
  static final int MAX_ID = 200;

  /** Derby's longest VARCHAR; PostgreSQL stores TEXT but the bound is kept the same everywhere. */
  static final int MAX_RESOURCE = 32_672;

  /**
   * Reads {@code resource} of JSON:API {@code type} ({@code events}, {@code sessions}, {@code
   * people}). A person belongs to {@code knownSessionId} when given (the sync reads a session's
   * people), else to its {@code registrant_detail.session_id}.
   */
  static Incoming of(String type, JsonObject resource, String knownSessionId) {
    if (resource == null) {
      throw new IllegalArgumentException("no resource");
    }
    Kind kind =
        switch (type == null ? "" : type) {
          case "events" -> Kind.EVENT;
          case "sessions" -> Kind.SESSION;
          case "people" -> Kind.PERSON;
          default -> throw new IllegalArgumentException("not a type the copy keeps");
        };
    if (resource.get("type") != null
        && !(resource.get("type") instanceof jakarta.json.JsonString s
            && type.equals(s.getString()))) {
      throw new IllegalArgumentException("a resource of another type");
    }
    String text = resource.toString();
    if (text.length() > MAX_RESOURCE) {
      throw new IllegalArgumentException("a resource of " + text.length() + " characters");
    }
    try {
      return switch (kind) {
        case EVENT -> {
          Event e = Resources.event(resource);
          yield new Incoming(
              kind, checked(e.id()), null, e.updatedAt(), resource, text, e, null, null);
        }
        case SESSION -> {
          Session s = Resources.session(resource);
          yield new Incoming(
              kind, checked(s.id()), null, s.updatedAt(), resource, text, null, s, null);
        }
        default -> {
          Person p = Resources.person(resource);
          String session =
              knownSessionId != null
                  ? knownSessionId
                  : p.registrant() == null ? null : p.registrant().sessionId();
          if (session == null || session.isBlank()) {
            throw new IllegalArgumentException("a person without the session it belongs to");
          }
          yield new Incoming(
              kind,
              checked(p.id()),
              checked(session),
              p.updatedAt(),
              resource,
              text,
              null,
              null,
              p);
        }
      };
    } catch (LivestormException e) {
      throw new IllegalArgumentException("an unreadable resource (" + e.getMessage() + ")");
    }
  }

  private static String checked(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a resource without an id");
    }
    if (id.length() > MAX_ID) {
      throw new IllegalArgumentException("an id of " + id.length() + " characters");
    }
    return id;
  }

  /** Lower-cased and cut to fit an indexed column. */
  static String key(String value, int max) {
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.length() <= max ? lower : lower.substring(0, max);
  }

  /**
   * The attributes that differ between two versions of a resource: top-level attribute names, and
   * {@code registrant_detail.<key>} inside a person's registration (where attendance changes). A
   * change outside the attributes (relationships) is named by its top-level key.
   */
  static Set<String> changedFields(JsonObject before, JsonObject after) {
    Set<String> fields = new TreeSet<>();
    JsonObject a = attributes(before);
    JsonObject b = attributes(after);
    Set<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    for (String name : names) {
      JsonValue x = a.get(name);
      JsonValue y = b.get(name);
      if (Objects.equals(x, y)) {
        continue;
      }
      if (x instanceof JsonObject xo
          && y instanceof JsonObject yo
          && name.equals("registrant_detail")) {
        Set<String> inner = new TreeSet<>(xo.keySet());
        inner.addAll(yo.keySet());
        for (String key : inner) {
          if (!Objects.equals(xo.get(key), yo.get(key))) {
            fields.add(name + "." + key);
          }
        }
      } else {
        fields.add(name);
      }
    }
    Set<String> top = new TreeSet<>(before.keySet());
    top.addAll(after.keySet());
    top.remove("attributes");
    for (String key : top) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        fields.add(key);
      }
    }
    return fields;
  }

  private static JsonObject attributes(JsonObject resource) {
    return resource.get("attributes") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
  }
}
