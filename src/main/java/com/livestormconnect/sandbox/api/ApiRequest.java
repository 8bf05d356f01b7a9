package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.JsonBody;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One API call as a handler sees it: path variables, filters, page and JSON:API body. */
public record ApiRequest(HttpServletRequest http, Map<String, String> pathVariables) {

  public String path(String name) {
    return pathVariables.get(name);
  }

  /** {@code filter[name]}, or null when absent or blank. */
  public String filter(String name) {
    String value = http.getParameter("filter[" + name + "]");
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** {@code filter[name]} as a boolean, null when absent; anything but true/false is a 400. */
  public Boolean booleanFilter(String name) {
    String value = filter(name);
    if (value == null) {
      return null;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw ApiError.badRequest("filter[" + name + "] must be true or false");
    }
    return Boolean.valueOf(value);
  }

  public Page page() {
    Page page = Page.parse(http.getParameter("page[number]"), http.getParameter("page[size]"));
    if (page == null) {
      throw ApiError.badRequest("page[number] must be a whole number from 0 and page[size] from 1");
    }
    return page;
  }

  /** {@code data.attributes} of the JSON:API body (an empty object when data has none). */
  public JsonObject attributes() {
    try {
      JsonObject body = JsonBody.read(http).orElseThrow(() -> ApiError.badRequest("The body must be a JSON object"));
      JsonValue data = body.get("data");
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
