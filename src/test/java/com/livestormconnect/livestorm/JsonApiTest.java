package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonApiTest {

  @Test
  void mapsASessionListWithItsPagination() {
    String body =
        """
        {"data":[{"id":"3f0c","type":"sessions","attributes":{"event_id":"9b1e","status":"upcoming",
          "timezone":"Europe/Paris","room_link":"https://app.livestorm.co/p/9b1e/live?s=3f0c","name":null,
          "attendees_count":0,"duration":null,"estimated_started_at":1767261600,"started_at":0,"ended_at":0,
          "canceled_at":0,"created_at":1764000000,"updated_at":1764000000,"registrants_count":2,
          "breakout_room_parent_session_id":null,"some_future_field":{"x":1}}}],
         "meta":{"current_page":0,"previous_page":null,"next_page":1,"record_count":25,"page_count":2,"items_per_page":20}}
        """;
    Page<Session> page = JsonApi.page(body, "/sessions", Session::from);
    Session s = page.items().get(0);
    assertEquals("3f0c", s.id());
    assertEquals("9b1e", s.eventId());
    assertEquals("upcoming", s.status());
    assertEquals(2, s.registrantsCount());
    assertNull(s.name());
    assertNull(s.durationSeconds());
    assertNull(s.startedAt(), "0 means unset");
    assertEquals(Instant.ofEpochSecond(1767261600), s.estimatedStartedAt());
    assertEquals(Instant.ofEpochSecond(1767261600), s.start());
    assertEquals(new PageMeta(0, null, 1, 25, 2, 20), page.meta());
    assertFalse(page.meta().isLast());
  }

  @Test
  void mapsAPersonWithRegistrantDetailsAndLenientNumbers() {
    String body =
        """
        {"data":{"id":"7d2a","type":"people","attributes":{"role":"participant","created_at":1764000100,
          "updated_at":1767265000,"timezone":"Europe/Paris","first_name":"Ada","last_name":"Lovelace",
          "email":"ada@example.com","avatar_link":null,
          "registrant_detail":{"event_id":"9b1e","session_id":"3f0c","created_at":1764000100,
            "fields":[{"id":"email","type":"text","value":"ada@example.com","required":true}],
            "utm_source":"newsletter","ip_country_code":"FR","ip_country_name":"France","ip_city":"Paris",
            "attended":true,"attendance_rate":"87","attendance_duration":3120,"has_viewed_replay":false,
            "registration_type":"API"},
          "messages_count":3,"questions_count":1,"votes_count":0,"up_votes_count":2,"replay_view_detail":null}}}
        """;
    Person p = JsonApi.one(body, "/sessions/3f0c/people", Person::from);
    assertEquals("Ada Lovelace", p.fullName());
    assertEquals(3, p.messagesCount());
    assertEquals(1, p.questionsCount());
    assertEquals(2, p.upVotesCount());
    assertTrue(p.attended());
    Registrant r = p.registrant();
    assertEquals(87.0, r.attendanceRate(), "a rate sent as a string is still a number");
    assertEquals(3120, r.attendanceDurationSeconds());
    assertEquals("FR", r.countryCode());
    assertEquals("newsletter", r.utmSource());
    assertEquals(Instant.ofEpochSecond(1764000100), r.registeredAt());
  }

  @Test
  void aPersonOutsideASessionHasNoRegistrant() {
    Person p =
        JsonApi.one(
            "{\"data\":{\"id\":\"p1\",\"type\":\"people\",\"attributes\":{\"email\":\"x@y.z\"}}}",
            "/events/e/people",
            Person::from);
    assertNull(p.registrant());
    assertFalse(p.attended());
    assertEquals("x@y.z", p.fullName());
    assertEquals(0, p.messagesCount());
  }

  @Test
  void mapsAnEventWithItsEmbeddedOwner() {
    String body =
        """
        {"data":{"id":"e1","type":"events","attributes":{"title":"<script>alert(1)</script>","slug":"s",
          "registration_link":"https://app.livestorm.co/p/e1","estimated_duration":45,"sessions_count":"3",
          "published_at":0,"created_at":1700000000,"scheduling_status":"upcoming","chat_enabled":true,
          "owner":{"id":"o1","type":"people","attributes":{"first_name":"Grace","last_name":"Hopper"}}}}}
        """;
    Event e = JsonApi.one(body, "/events/e1", Event::from);
    assertEquals(
        "<script>alert(1)</script>", e.title(), "kept as data; escaping is the page's job");
    assertEquals(45, e.estimatedDurationMinutes());
    assertEquals(3, e.sessionsCount());
    assertNull(e.publishedAt());
    assertTrue(e.chatEnabled());
    assertEquals("Grace Hopper", e.ownerName());
    assertEquals("upcoming", e.schedulingStatus());
  }

  @Test
  void mapsUsersOrganizationsAndWebhooks() {
    User u =
        JsonApi.one(
            """
        {"data":{"id":"u1","type":"users","attributes":{"role":"host","first_name":"Ada","email":"a@b.c","pending_invite":false},
         "relationships":{"organization":{"data":{"type":"organizations","id":"org1"}}}}}""",
            "/me",
            User::from);
    assertEquals("org1", u.organizationId());
    assertEquals("host", u.role());
    Organization o =
        JsonApi.one(
            "{\"data\":{\"id\":\"org1\",\"type\":\"organizations\",\"attributes\":{\"name\":\"Acme\"}}}",
            "/organization",
            Organization::from);
    assertEquals("Acme", o.name());
    Webhook w =
        JsonApi.one(
            """
        {"data":{"id":"w1","type":"webhooks","attributes":{"url":"https://example.com/h","event":"people.registered","created_at":1700000000}}}""",
            "/webhooks",
            Webhook::from);
    assertEquals("people.registered", w.event());
    assertEquals(Instant.ofEpochSecond(1700000000), w.createdAt());
  }

  @Test
  void missingMetaKeysAreDerived() {
    Page<Webhook> page =
        JsonApi.page(
            """
        {"data":[{"id":"w1","type":"webhooks","attributes":{}}],"meta":{"record_count":1,"page_count":1,"items_per_page":20}}""",
            "/webhooks",
            Webhook::from);
    assertTrue(page.meta().isLast());
    assertEquals(0, page.meta().currentPage());
  }

  @Test
  void badBodiesAreTypedErrorsNamingTheEndpoint() {
    for (String bad :
        new String[] {
          "",
          "<html>Bad gateway</html>",
          "[1,2]",
          "{\"errors\":[]}",
          "{\"data\":{\"type\":\"events\"}}",
          "{\"data\":{\"id\":\"x\"",
          "{\"data\":[1]}"
        }) {
      LivestormException e =
          assertThrows(
              LivestormException.class, () -> JsonApi.one(bad, "/events/42", Event::from), bad);
      assertEquals(LivestormException.Kind.MALFORMED, e.kind(), bad);
      assertTrue(e.getMessage().contains("/events/42"), e.getMessage());
    }
    LivestormException list =
        assertThrows(
            LivestormException.class, () -> JsonApi.page("{\"data\":{}}", "/events", Event::from));
    assertEquals("/events", list.endpoint());
  }
}
