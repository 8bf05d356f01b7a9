package com.livestormconnect.sandbox.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON:API as Livestorm speaks it: documents out (data objects, lists with pagination meta), and
 * in, the {@code data.attributes} of a body and the {@code filter[...]} query values.
 */
public final class JsonApi {
  /** Without a charset parameter: JSON:API forbids one. */
  public static final String MEDIA_TYPE = "application/vnd.api+json";

  private JsonApi() {}

  public static Map<String, Object> resource(
      String type, String id, Map<String, Object> attributes) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("id", id);
    resource.put("type", type);
    resource.put("attributes", attributes);
    return resource;
  }

  public static Map<String, Object> one(Map<String, Object> resource) {
    return Map.of("data", resource);
  }

  public static <T> Map<String, Object> list(
      Page page, List<T> all, Function<T, Map<String, Object>> view) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("data", page.slice(all).stream().map(view).toList());
    document.put("meta", page.meta(all.size()));
    return document;
  }

  /** An ordered attribute map; JSON-P writes Java nulls as JSON null. */
  public static Map<String, Object> attributes(Object... namesAndValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return attributes;
  }

  public static Response ok(Map<String, Object> document) {
    return answer(200, document).build();
  }

  public static Response created(Map<String, Object> document) {
    return answer(201, document).build();
  }

  /**
   * A document (maps, lists, strings, numbers, booleans, nulls) as the answer's UTF-8 bytes,
   * written by JSON-P. Bytes rather than a JsonObject entity, so that no server's JSON provider
   * picks the media type or adds a charset, and every server sends the same bytes.
   */
  static Response.ResponseBuilder answer(int status, Map<String, ?> document) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) document;
    byte[] body = Json.createObjectBuilder(map).build().toString().getBytes(StandardCharsets.UTF_8);
    return Response.status(status)
        .entity(body)
        .type(MEDIA_TYPE)
        .header("Content-Length", body.length);
  }

  /** A {@code filter[name]} query value, or null when absent or blank. */
  public static String filter(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * A {@code filter[name]} query value as a boolean, null when absent; anything but true/false is a
   * 400.
   */
  public static Boolean booleanFilter(String name, String raw) {
    String value = filter(raw);
    if (value == null) {
      return null;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw ApiError.badRequest("filter[" + name + "] must be true or false");
    }
    return Boolean.valueOf(value);
  }

  /**
   * {@code data.attributes} of a JSON:API body (an empty object when data has none), read as UTF-8
   * whatever the request says (RFC 8259 §8.1); a 400 when the body is not such an object.
   */
  public static JsonObject attributes(InputStream body) {
    JsonObject document;
    try (JsonReader reader =
        Json.createReaderFactory(Map.of()).createReader(body, StandardCharsets.UTF_8)) {
      document = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw ApiError.badRequest("The body must be a JSON object");
    }
    JsonValue data = document.get("data");
    if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApiError.badRequest("The body must have a data object");
    }
    JsonValue attributes = data.asJsonObject().get("attributes");
    if (attributes == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (attributes.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApiError.badRequest("data.attributes must be an object");
    }
    return attributes.asJsonObject();
  }

  /** A string attribute; null when absent or null; a 400 when of another type. */
  public static String text(JsonObject attributes, String name) {
    JsonValue value = attributes.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw ApiError.badRequest(name + " must be a string");
    }
    return attributes.getString(name);
  }

  /** A boolean attribute, or the fallback when absent; a 400 when of another type. */
  public static boolean flag(JsonObject attributes, String name, boolean fallback) {
    JsonValue value = attributes.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return fallback;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw ApiError.badRequest(name + " must be true or false");
    }
    return value == JsonValue.TRUE;
  }
}
