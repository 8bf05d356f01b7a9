package com.livestormconnect.livestorm;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of an event's registration form ({@code fields} of an event): built-in ones (email,
 * first_name, last_name, avatar) and the organizer's custom ones, possibly required, possibly with
 * options to choose from.
 */
public record RegistrationField(
    String id, String type, boolean required, boolean custom, List<String> options) {

  static List<RegistrationField> listFrom(JsonApi.Resource event) {
    List<RegistrationField> fields = new ArrayList<>();
    if (!(event.attributes().get("fields") instanceof JsonArray list)) {
      return fields;
    }
    for (JsonValue item : list) {
      if (item instanceof JsonObject f && JsonApi.text(f, "id") != null) {
        fields.add(
            new RegistrationField(
                JsonApi.text(f, "id"),
                JsonApi.text(f, "type"),
                JsonApi.flag(f, "required"),
                JsonApi.flag(f, "custom"),
                options(f)));
      }
    }
    return List.copyOf(fields);
  }

  private static List<String> options(JsonObject field) {
    List<String> options = new ArrayList<>();
    if (field.get("options") instanceof JsonObject o && o.get("items") instanceof JsonArray items) {
      for (JsonValue item : items) {
        if (item instanceof JsonObject i && JsonApi.text(i, "value") != null) {
          options.add(JsonApi.text(i, "value"));
        }
      }
    }
    return List.copyOf(options);
  }
}
