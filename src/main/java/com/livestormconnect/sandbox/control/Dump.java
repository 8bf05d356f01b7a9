package com.livestormconnect.sandbox.control;

import com.livestormconnect.sandbox.api.Resources;
import com.livestormconnect.sandbox.data.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The organization's whole data set in the API's shapes, for tests that compare a client's copy
 * with the sandbox field by field: {@code {"organization": {...}, "events": [...], "sessions":
 * [...], "people": {"<session id>": [...]}}}, where each resource is what the API's lists answer
 * for it (sessions with their breakout rooms, each session's people with its host) to the byte. The
 * data is held still while it is written, so the dump is one consistent state; it is streamed,
 * resource by resource, so 20,000 people never sit in memory as one document.
 */
@ApplicationScoped
public class Dump {
  @Inject SandboxStore store;

  @Inject Resources resources;

  void write(OutputStream out) throws IOException {
    try (JsonGenerator json = Json.createGenerator(out)) {
      store.holdingStill(() -> write(json));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void write(JsonGenerator json) {
    json.writeStartObject();
    json.write("organization", object(resources.organization()));
    json.writeStartArray("events");
    resources.events().forEach(e -> json.write(object(e)));
    json.writeEnd();
    List<Map<String, Object>> sessions = resources.sessions();
    json.writeStartArray("sessions");
    sessions.forEach(s -> json.write(object(s)));
    json.writeEnd();
    json.writeStartObject("people");
    for (Map<String, Object> session : sessions) {
      String id = (String) session.get("id");
      json.writeStartArray(id);
      resources.people(id).forEach(p -> json.write(object(p)));
      json.writeEnd();
    }
    json.writeEnd();
    json.writeEnd();
    json.flush();
  }

  private static JsonObject object(Map<String, Object> resource) {
    return Json.createObjectBuilder(resource).build();
  }
}
