package com.livestormconnect.livestorm;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads JSON:API documents (jsonapi.org) as Livestorm writes them: {@code data} is one resource or
 * a list, each with {@code id}, {@code type} and {@code attributes}; lists carry pagination in
 * {@code meta}. Reading is lenient where Livestorm is known to vary (numbers sent as strings,
 * absent optional attributes, 0 for unset timestamps) and strict where a missing piece would make
 * the result wrong (no {@code data}, a resource without an id).
 */
public final class JsonApi {
  private JsonApi() {}

  /** One resource of a document: its id and type, and lenient access to its attributes. */
  public record Resource(String id, String type, JsonObject attributes, JsonObject relationships) {
    public String text(String name) {
      return JsonApi.text(attributes, name);
    }

    public Integer integer(String name) {
      return JsonApi.integer(attributes, name);
    }

    public int count(String name) {
      Integer value = integer(name);
      return value == null ? 0 : value;
    }

    public Double number(String name) {
      return JsonApi.number(attributes, name);
    }

    public boolean flag(String name) {
      return JsonApi.flag(attributes, name);
    }

    /** A unix-seconds timestamp; Livestorm writes 0 (or nothing) when it is unset. */
    public Instant instant(String name) {
      return JsonApi.instant(attributes, name);
    }

    public JsonObject object(String name) {
      JsonValue value = attributes.get(name);
      return value instanceof JsonObject o ? o : null;
    }

    /** The id of a to-one relationship ({@code relationships.name.data.id}), or null. */
    public String relationshipId(String name) {
      if (relationships == null || !(relationships.get(name) instanceof JsonObject r)) {
        return null;
      }
      return r.get("data") instanceof JsonObject data ? JsonApi.text(data, "id") : null;
    }
  }

  public static JsonObject parse(String body, String endpoint) {
    if (body == null || body.isBlank()) {
      throw LivestormException.malformed(endpoint, "empty body");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject document)) {
        throw LivestormException.malformed(endpoint, "not a JSON object");
      }
      return document;
    } catch (JsonException | IllegalStateException e) {
      throw LivestormException.malformed(
          endpoint, "not JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The single resource of a document, mapped. */
  public static <T> T one(String body, String endpoint, Function<Resource, T> mapping) {
    JsonObject document = parse(body, endpoint);
    if (!(document.get("data") instanceof JsonObject data)) {
      throw LivestormException.malformed(endpoint, "no data object");
    }
    return map(data, endpoint, mapping);
  }

  /**
   * The resource of {@code included} with this type and id (JSON:API compound documents); with a
   * null id, the first of that type.
   */
  public static Optional<Resource> included(String body, String endpoint, String type, String id) {
    JsonObject document = parse(body, endpoint);
    if (!(document.get("included") instanceof JsonArray included)) {
      return Optional.empty();
    }
    for (JsonValue item : included) {
      if (item instanceof JsonObject resource
          && type.equals(text(resource, "type"))
          && (id == null || id.equals(text(resource, "id")))) {
        return Optional.of(map(resource, endpoint, r -> r));
      }
    }
    return Optional.empty();
  }

  /** A list document with its pagination, mapped. */
  public static <T> Page<T> page(String body, String endpoint, Function<Resource, T> mapping) {
    JsonObject document = parse(body, endpoint);
    if (!(document.get("data") instanceof JsonArray data)) {
      throw LivestormException.malformed(endpoint, "no data array");
    }
    List<T> items = new ArrayList<>(data.size());
    for (JsonValue item : data) {
      if (!(item instanceof JsonObject resource)) {
        throw LivestormException.malformed(endpoint, "a list item is not an object");
      }
      items.add(map(resource, endpoint, mapping));
    }
    JsonObject meta =
        document.get("meta") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
    return new Page<>(List.copyOf(items), PageMeta.from(meta, items.size()));
  }

  static <T> T map(JsonObject resource, String endpoint, Function<Resource, T> mapping) {
    String id = text(resource, "id");
    if (id == null || id.isBlank()) {
      throw LivestormException.malformed(endpoint, "a resource has no id");
    }
    JsonObject attributes =
        resource.get("attributes") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
    JsonObject relationships =
        resource.get("relationships") instanceof JsonObject r ? r : JsonValue.EMPTY_JSON_OBJECT;
    try {
      return mapping.apply(new Resource(id, text(resource, "type"), attributes, relationships));
    } catch (RuntimeException e) {
      if (e instanceof LivestormException) {
        throw e;
      }
      throw LivestormException.malformed(
          endpoint, "resource " + id + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * A list document's resources as Livestorm sent them (each checked to be an object with an id),
   * with its pagination: what the local copy stores.
   */
  public static Page<JsonObject> resources(String body, String endpoint) {
    JsonObject document = parse(body, endpoint);
    if (!(document.get("data") instanceof JsonArray data)) {
      throw LivestormException.malformed(endpoint, "no data array");
    }
    List<JsonObject> items = new ArrayList<>(data.size());
    for (JsonValue item : data) {
      if (!(item instanceof JsonObject resource)) {
        throw LivestormException.malformed(endpoint, "a list item is not an object");
      }
      items.add(map(resource, endpoint, r -> resource));
    }
    JsonObject meta =
        document.get("meta") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
    return new Page<>(List.copyOf(items), PageMeta.from(meta, items.size()));
  }

  /** The single resource of a document as Livestorm sent it (checked to have an id). */
  public static JsonObject resource(String body, String endpoint) {
    JsonObject document = parse(body, endpoint);
    if (!(document.get("data") instanceof JsonObject data)) {
      throw LivestormException.malformed(endpoint, "no data object");
    }
    return map(data, endpoint, r -> data);
  }

  /**
   * The resource of {@code included} with this type and id as Livestorm sent it; with a null id,
   * the first of that type.
   */
  static Optional<JsonObject> includedResource(
      String body, String endpoint, String type, String id) {
    JsonObject document = parse(body, endpoint);
    if (!(document.get("included") instanceof JsonArray included)) {
      return Optional.empty();
    }
    for (JsonValue item : included) {
      if (item instanceof JsonObject resource
          && type.equals(text(resource, "type"))
          && (id == null || id.equals(text(resource, "id")))) {
        return Optional.of(map(resource, endpoint, r -> resource));
      }
    }
    return Optional.empty();
  }

  static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    return value.toString();
  }

  static Integer integer(JsonObject object, String name) {
    Double number = number(object, name);
    return number == null ? null : (int) Math.round(number);
  }

  static Double number(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value instanceof JsonNumber n) {
      return n.doubleValue();
    }
    if (value instanceof JsonString s && !s.getString().isBlank()) {
      try {
        return Double.parseDouble(s.getString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static boolean flag(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value == JsonValue.TRUE
        || (value instanceof JsonString s && "true".equalsIgnoreCase(s.getString()));
  }

  static Instant instant(JsonObject object, String name) {
    Double seconds = number(object, name);
    return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds.longValue());
  }
}
