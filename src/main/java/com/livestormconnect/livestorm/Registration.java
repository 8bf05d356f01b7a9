package com.livestormconnect.livestorm;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * A registration to a session: the form fields by field id ({@code email} is the one Livestorm
 * requires) and optional referrer and UTM parameters.
 */
public record Registration(Map<String, String> fields, Map<String, String> tracking) {

  JsonObjectBuilder attributes() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    fields.forEach(
        (id, value) -> {
          if (value != null && !value.isBlank()) {
            list.add(Json.createObjectBuilder().add("id", id).add("value", value));
          }
        });
    JsonObjectBuilder attributes = Json.createObjectBuilder().add("fields", list);
    tracking.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            attributes.add(name, value);
          }
        });
    return attributes;
  }
}
