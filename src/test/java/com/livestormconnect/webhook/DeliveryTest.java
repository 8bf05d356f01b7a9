package com.livestormconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryTest {
  static byte[] person(String event, String id, String session, String updated, String extra) {
    return ("{\"data\":{\"id\":\""
            + id
            + "\",\"type\":\"people\",\"attributes\":{\"first_name\":\"Ada\""
            + extra
            + ",\"updated_at\":\"2026-12-06T20:00:00Z\",\"registrant_detail\":{\"session_id\":\""
            + session
            + "\",\"updated_at\":\""
            + updated
            + "\"}},\"meta\":{\"webhook\":{\"event\":\""
            + event
            + "\",\"organization_id\":\"org-1\"}}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String key(long account, byte[] body) throws Delivery.Malformed {
    return Delivery.parse(body).key(account, body);
  }

  @Test
  void readsWhatLivestormSends() throws Exception {
    Delivery d = Delivery.parse(person("people.attended", "p1", "s1", "2026-12-06T21:00:00Z", ""));
    assertEquals("people.attended", d.event());
    assertEquals("org-1", d.organizationId());
    assertEquals("people", d.type());
    assertEquals("p1", d.id());
    assertEquals("s1", d.sessionId());
    assertEquals("p1", d.data().getString("id"));
  }

  @Test
  void theSameChangeDeliveredAgainHasTheSameKey() throws Exception {
    String a = key(1, person("people.attended", "p1", "s1", "2026-12-06T21:00:00Z", ""));
    // Same change, bytes differing where the key does not look (a field's value, key order aside).
    String b = key(1, person("people.attended", "p1", "s1", "2026-12-06T21:00:00Z", ",\"x\":1"));
    assertEquals(a, b);
    assertEquals(64, a.length());
  }

  @Test
  void anyPartOfTheKeyMakesAnotherChange() throws Exception {
    String base = key(1, person("people.attended", "p1", "s1", "2026-12-06T21:00:00Z", ""));
    assertNotEquals(
        base, key(2, person("people.attended", "p1", "s1", "2026-12-06T21:00:00Z", "")));
    assertNotEquals(
        base, key(1, person("people.registered", "p1", "s1", "2026-12-06T21:00:00Z", "")));
    assertNotEquals(
        base, key(1, person("people.attended", "p2", "s1", "2026-12-06T21:00:00Z", "")));
    assertNotEquals(
        base, key(1, person("people.attended", "p1", "s2", "2026-12-06T21:00:00Z", "")));
    assertNotEquals(
        base, key(1, person("people.attended", "p1", "s1", "2026-12-06T21:00:01Z", "")));
  }

  @Test
  void withoutUpdatedAtOnlyIdenticalBodiesAreDuplicates() throws Exception {
    byte[] one =
        "{\"data\":{\"id\":\"e1\",\"type\":\"events\",\"attributes\":{\"title\":\"A\"}}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] two =
        "{\"data\":{\"id\":\"e1\",\"type\":\"events\",\"attributes\":{\"title\":\"B\"}}}"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(key(1, one), key(1, one.clone()));
    assertNotEquals(key(1, one), key(1, two));
    assertNull(Delivery.parse(one).organizationId());
  }

  @Test
  void malformedBodiesAreRefused() {
    for (String body :
        new String[] {
          "",
          "not json",
          "[1]",
          "{\"data\":[]}",
          "{\"data\":{\"type\":\"events\"}}",
          "{\"data\":{\"id\":\"x\"}"
        }) {
      assertThrows(
          Delivery.Malformed.class,
          () -> Delivery.parse(body.getBytes(StandardCharsets.UTF_8)),
          body);
    }
  }
}
