package com.livestormconnect.sandbox;

import static com.livestormconnect.sandbox.OAuthDance.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's data changing underneath a client, over HTTP: the time filters of the lists (and
 * their variant), the controls that change the data, and the dump that tests compare a copy with.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxDataIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app(SandboxDataIT.class, OAuthDance.class);
  }

  private final OAuthDance dance = new OAuthDance(new Browser());
  private final SandboxControl control = new SandboxControl(dance.browser.base());

  @AfterEach
  void resetVariants() {
    control.resetVariants();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private JsonObject get(String path, String token) {
    HttpResponse<String> response = dance.api(path, token);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return json(response);
  }

  /** Every item of a list, page after page. */
  private List<JsonObject> all(String path, String token) {
    List<JsonObject> items = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    for (int page = 0; ; page++) {
      JsonObject document = get(path + separator + "page[size]=50&page[number]=" + page, token);
      document.getJsonArray("data").forEach(v -> items.add(v.asJsonObject()));
      if (document.getJsonObject("meta").isNull("next_page")) {
        return items;
      }
    }
  }

  private static Set<String> ids(List<JsonObject> items) {
    return items.stream().map(i -> i.getString("id")).collect(Collectors.toSet());
  }

  private static long updatedAt(JsonObject resource) {
    return resource.getJsonObject("attributes").getJsonNumber("updated_at").longValue();
  }

  private String upcomingSession(String token, int skip) {
    return get("/sessions?filter[status]=upcoming&page[size]=50", token)
        .getJsonArray("data")
        .get(skip)
        .asJsonObject()
        .getString("id");
  }

  @Test
  void anEditedEventIsListedSinceItsUpdateAndNotUntilIt() {
    String token = dance.accessToken("events:read");
    JsonObject event = get("/events", token).getJsonArray("data").getJsonObject(2);
    control.advanceClock(1);

    JsonObject edited = control.editEvent(event.getString("id"), Map.of()).getJsonObject("event");

    long at = updatedAt(edited);
    assertTrue(at > updatedAt(event), "the edit moved updated_at");
    List<JsonObject> since = all("/events?filter[updated_since]=" + at, token);
    assertEquals(Set.of(event.getString("id")), ids(since));
    assertEquals(edited, since.get(0));
    String iso =
        enc(Instant.ofEpochSecond(at).atOffset(java.time.ZoneOffset.ofHours(2)).toString());
    assertEquals(ids(since), ids(all("/events?filter[updated_since]=" + iso, token)));
    List<JsonObject> until = all("/events?filter[updated_until]=" + at, token);
    assertFalse(ids(until).contains(event.getString("id")));
    assertEquals(all("/events", token).size(), since.size() + until.size());
  }

  @Test
  void aRegistrationListsThePeopleAndTheSessionSinceIt() {
    String token = dance.accessToken("events:read");
    String session = upcomingSession(token, 1);
    control.advanceClock(1);

    List<JsonObject> answer =
        control.register(session, 3).getJsonArray("people").getValuesAs(JsonObject.class);
    List<String> registered = answer.stream().map(p -> p.getString("id")).toList();
    long createdSince =
        answer.stream()
            .mapToLong(p -> p.getJsonObject("attributes").getJsonNumber("created_at").longValue())
            .min()
            .orElseThrow();

    JsonObject first =
        control.dump().getJsonObject("people").getJsonArray(session).stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.getString("id").equals(registered.get(0)))
            .findFirst()
            .orElseThrow();
    long at = updatedAt(first);
    List<JsonObject> people =
        all("/sessions/" + session + "/people?filter[updated_since]=" + at, token);
    Set<String> participants =
        people.stream()
            .filter(p -> p.getJsonObject("attributes").getString("role").equals("participant"))
            .map(p -> p.getString("id"))
            .collect(Collectors.toSet());
    assertEquals(Set.copyOf(registered), participants);
    assertTrue(people.stream().allMatch(p -> updatedAt(p) >= at));
    assertTrue(
        ids(all("/sessions?filter[updated_since]=" + at, token)).contains(session),
        "registrants_count changed, so the session moved");
    assertEquals(
        Set.copyOf(registered),
        ids(all("/sessions/" + session + "/people?filter[created_since]=" + createdSince, token))
            .stream()
            .filter(registered::contains)
            .collect(Collectors.toSet()));
  }

  @Test
  void badTimeFiltersAre400AndTheIgnoredVariantListsEverything() {
    String token = dance.accessToken("events:read");
    String session = upcomingSession(token, 0);
    String event =
        get("/sessions/" + session, token)
            .getJsonObject("data")
            .getJsonObject("attributes")
            .getString("event_id");
    String future = "" + (Instant.now().getEpochSecond() + 10 * 366 * 86_400L);
    List<String> lists =
        List.of(
            "/events",
            "/sessions",
            "/events/" + event + "/sessions",
            "/sessions/" + session + "/people");
    for (String list : lists) {
      HttpResponse<String> bad = dance.api(list + "?filter[updated_since]=yesterday", token);
      assertEquals(400, bad.statusCode(), list);
      JsonObject error = json(bad).getJsonArray("errors").getJsonObject(0);
      assertEquals("Invalid filter value", error.getString("title"));
      assertTrue(error.getString("detail").contains("updated_since"));
      assertEquals(
          0,
          get(list + "?filter[created_since]=" + future, token)
              .getJsonObject("meta")
              .getInt("record_count"),
          list);
    }

    control.variants(Map.of("updated_since", "ignored"));

    for (String list : lists) {
      assertEquals(
          get(list, token).getJsonObject("meta"),
          get(list + "?filter[updated_since]=" + future + "&filter[created_until]=nonsense", token)
              .getJsonObject("meta"),
          list);
    }
  }

  @Test
  void endingASessionDecidesWhoAttendedAndAReplayIsWatched() {
    String token = dance.accessToken("events:read");
    String id = upcomingSession(token, 2);
    control.register(id, 4);
    JsonObject started = control.startSession(id).getJsonObject("session");
    assertEquals("live", started.getJsonObject("attributes").getString("status"));
    assertEquals(409, control.post("start-session", Map.of("session", id)).statusCode());
    assertEquals(409, control.post("cancel-session", Map.of("session", id)).statusCode());
    control.advanceClock(1200);

    JsonObject ended = control.endSession(id, 50);

    JsonObject session = ended.getJsonObject("session");
    assertEquals(session, get("/sessions/" + id, token).getJsonObject("data"));
    assertEquals("past", session.getJsonObject("attributes").getString("status"));
    long endedAt = session.getJsonObject("attributes").getJsonNumber("ended_at").longValue();
    List<JsonObject> people = all("/sessions/" + id + "/people", token);
    assertEquals(ended.getJsonArray("people"), Json.createArrayBuilder(people).build());
    long attendees = 0;
    for (JsonObject p : people) {
      JsonObject a = p.getJsonObject("attributes").getJsonObject("registrant_detail");
      if (p.getJsonObject("attributes").getString("role").equals("participant")) {
        assertEquals(endedAt, updatedAt(p), "attendance moved every registrant");
        attendees += a.getBoolean("attended") ? 1 : 0;
        assertEquals(a.getBoolean("attended"), a.getInt("attendance_rate") > 0);
      }
    }
    assertEquals(attendees, session.getJsonObject("attributes").getInt("attendees_count"));
    assertEquals(409, control.post("end-session", Map.of("session", id)).statusCode());

    control.advanceClock(60);
    JsonObject watched = control.watchReplay(id, null).getJsonObject("person");

    assertTrue(
        watched
            .getJsonObject("attributes")
            .getJsonObject("registrant_detail")
            .getBoolean("has_viewed_replay"));
    assertTrue(updatedAt(watched) > endedAt);
    assertEquals(
        Set.of(watched.getString("id")),
        ids(all("/sessions/" + id + "/people?filter[updated_since]=" + updatedAt(watched), token)));
  }

  @Test
  void sessionsAndEventsAreCreatedCanceledAndDeleted() {
    String token = dance.accessToken("events:read");
    JsonObject event = control.createEvent("Chaos & co", true).getJsonObject("event");
    String eventId = event.getString("id");
    assertEquals(event, get("/events/" + eventId, token).getJsonObject("data"));
    assertEquals("published", event.getJsonObject("attributes").getString("status"));

    JsonObject created = control.createSession(eventId, 3600).getJsonObject("session");
    String sessionId = created.getString("id");
    JsonObject canceled = control.cancelSession(sessionId).getJsonObject("session");

    assertEquals("canceled", canceled.getJsonObject("attributes").getString("status"));
    assertEquals(List.of(canceled), all("/events/" + eventId + "/sessions", token));
    assertEquals(
        1,
        get("/events/" + eventId, token)
            .getJsonObject("data")
            .getJsonObject("attributes")
            .getInt("sessions_count"));
    assertEquals(409, control.post("start-session", Map.of("session", sessionId)).statusCode());
    assertEquals(404, control.post("start-session", Map.of("session", "nope")).statusCode());
    assertEquals(
        400, control.post("register", Map.of("session", sessionId, "count", 0)).statusCode());

    control.deleteEvent(eventId);

    assertEquals(404, dance.api("/events/" + eventId, token).statusCode());
    assertEquals(404, dance.api("/sessions/" + sessionId, token).statusCode());
    assertEquals(404, control.post("delete-event", Map.of("event", eventId)).statusCode());
    JsonObject dump = control.dump();
    assertFalse(ids(dump.getJsonArray("events").getValuesAs(JsonObject.class)).contains(eventId));
    assertFalse(dump.getJsonObject("people").containsKey(sessionId));
  }

  @Test
  void theDumpIsWhatTheApiAnswersToTheByte() {
    String token = dance.accessToken("events:read identity:read");

    JsonObject dump = control.dump();

    assertEquals(
        ids(all("/events", token)), ids(dump.getJsonArray("events").getValuesAs(JsonObject.class)));
    assertEquals(all("/events", token), dump.getJsonArray("events").getValuesAs(JsonObject.class));
    assertEquals(
        all("/sessions?filter[include_breakout_rooms]=true", token),
        dump.getJsonArray("sessions").getValuesAs(JsonObject.class));
    assertEquals(dump.getJsonArray("sessions").size(), dump.getJsonObject("people").size());
    int people =
        dump.getJsonObject("people").values().stream().mapToInt(v -> v.asJsonArray().size()).sum();
    assertTrue(people >= 20_000, people + " people");
    JsonObject event = dump.getJsonArray("events").getJsonObject(5);
    assertEquals(
        "{\"data\":" + event + "}",
        dance.api("/events/" + event.getString("id"), token).body(),
        "byte for byte");
    String session = dump.getJsonArray("sessions").getJsonObject(7).getString("id");
    assertEquals(
        all("/sessions/" + session + "/people", token),
        dump.getJsonObject("people").getJsonArray(session).getValuesAs(JsonObject.class));
    assertEquals(
        dump.getJsonObject("organization").getString("id"),
        get("/organization?include=organization", token)
            .getJsonArray("included")
            .getJsonObject(0)
            .getString("id"));
  }
}
