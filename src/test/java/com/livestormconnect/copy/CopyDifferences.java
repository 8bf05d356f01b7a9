package com.livestormconnect.copy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The copy's rows of one account against the sandbox's dump of its data, field by field: every
 * event, session (breakout rooms included) and person of each session, by Livestorm id. Reads the
 * rows with plain SQL, so in-container tests (Derby) and two-node tests (PostgreSQL, from outside)
 * compare the same way. Each difference is one line naming the row and the field.
 */
public final class CopyDifferences {
  private final List<String> found = new ArrayList<>();

  private CopyDifferences() {}

  public static List<String> between(JsonObject dump, Connection c, long accountId)
      throws SQLException {
    CopyDifferences d = new CopyDifferences();
    d.compare("event", byId(dump.getJsonArray("events")), rows(c, "copy_event", accountId, null));
    d.compare(
        "session", byId(dump.getJsonArray("sessions")), rows(c, "copy_session", accountId, null));
    JsonObject people = dump.getJsonObject("people");
    Map<String, Map<String, JsonObject>> copied = peopleRows(c, accountId);
    for (String session : new TreeSet<>(people.keySet())) {
      d.compare(
          "person of session " + session,
          byId(people.getJsonArray(session)),
          copied.getOrDefault(session, Map.of()));
    }
    for (String session : copied.keySet()) {
      if (!people.containsKey(session)) {
        d.found.add(
            "people of session "
                + session
                + ": "
                + copied.get(session).size()
                + " in the copy, the session is not in the sandbox");
      }
    }
    return d.found;
  }

  /** The differences, at most {@code max} of them, one per line, for an assertion's message. */
  public static String describe(List<String> differences, int max) {
    StringBuilder text = new StringBuilder(differences.size() + " differences");
    differences.stream().limit(max).forEach(line -> text.append("\n  ").append(line));
    if (differences.size() > max) {
      text.append("\n  ...");
    }
    return text.toString();
  }

  private void compare(String kind, Map<String, JsonObject> sandbox, Map<String, JsonObject> copy) {
    for (var entry : sandbox.entrySet()) {
      JsonObject held = copy.get(entry.getKey());
      if (held == null) {
        found.add(kind + " " + entry.getKey() + ": missing from the copy");
      } else {
        fields(kind + " " + entry.getKey(), "", entry.getValue(), held);
      }
    }
    for (String id : copy.keySet()) {
      if (!sandbox.containsKey(id)) {
        found.add(kind + " " + id + ": in the copy, not in the sandbox");
      }
    }
  }

  private void fields(String row, String path, JsonValue sandbox, JsonValue copy) {
    if (sandbox instanceof JsonObject s && copy instanceof JsonObject c) {
      TreeSet<String> names = new TreeSet<>(s.keySet());
      names.addAll(c.keySet());
      for (String name : names) {
        String at = path.isEmpty() ? name : path + "." + name;
        if (!s.containsKey(name)) {
          found.add(row + ": " + at + " only in the copy (" + c.get(name) + ")");
        } else if (!c.containsKey(name)) {
          found.add(row + ": " + at + " missing from the copy (sandbox: " + s.get(name) + ")");
        } else {
          fields(row, at, s.get(name), c.get(name));
        }
      }
    } else if (!sandbox.equals(copy)) {
      found.add(row + ": " + path + " is " + copy + " in the copy, " + sandbox + " in the sandbox");
    }
  }

  private static Map<String, JsonObject> byId(JsonArray resources) {
    Map<String, JsonObject> byId = new TreeMap<>();
    if (resources != null) {
      resources.getValuesAs(JsonObject.class).forEach(r -> byId.put(r.getString("id"), r));
    }
    return byId;
  }

  private static Map<String, JsonObject> rows(
      Connection c, String table, long accountId, String session) throws SQLException {
    Map<String, JsonObject> rows = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, resource FROM " + table + " WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), parse(r.getString(2)));
        }
      }
    }
    return rows;
  }

  private static Map<String, Map<String, JsonObject>> peopleRows(Connection c, long accountId)
      throws SQLException {
    Map<String, Map<String, JsonObject>> rows = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT session_id, id, resource FROM copy_person WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.computeIfAbsent(r.getString(1), k -> new TreeMap<>())
              .put(r.getString(2), parse(r.getString(3)));
        }
      }
    }
    return rows;
  }

  private static JsonObject parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
