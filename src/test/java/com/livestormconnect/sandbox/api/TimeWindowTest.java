package com.livestormconnect.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.sandbox.SandboxVariants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
  private static final long T = 1_767_225_600L; // 2026-01-01T00:00:00Z

  private final SandboxVariants variants = new SandboxVariants();

  private TimeWindow requested(String... namesAndValues) {
    Map<String, List<String>> query = new java.util.HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.put("filter[" + namesAndValues[i] + "]", List.of(namesAndValues[i + 1]));
    }
    return TimeWindow.requested(query, variants);
  }

  @Test
  void sinceIsInclusiveAndUntilExclusive() {
    TimeWindow window = requested("updated_since", "" + T, "updated_until", "" + (T + 10));

    assertFalse(window.contains(0, T - 1));
    assertTrue(window.contains(0, T));
    assertTrue(window.contains(0, T + 9));
    assertFalse(window.contains(0, T + 10));
  }

  @Test
  void consecutiveWindowsReadEachChangeOnce() {
    TimeWindow first = requested("updated_until", "" + T);
    TimeWindow second = requested("updated_since", "" + T);

    for (long at = T - 2; at <= T + 2; at++) {
      assertTrue(first.contains(0, at) ^ second.contains(0, at), "at " + at);
    }
  }

  @Test
  void createdBoundsFilterOnCreationAndCombineWithUpdated() {
    TimeWindow window =
        requested("created_since", "" + T, "created_until", "" + (T + 5), "updated_since", "" + T);

    assertTrue(window.contains(T, T + 100));
    assertFalse(window.contains(T - 1, T + 100));
    assertFalse(window.contains(T + 5, T + 100));
    assertFalse(window.contains(T + 1, T - 1));
  }

  @Test
  void acceptsUnixSecondsAndIso8601Forms() {
    Instant t = Instant.ofEpochSecond(T);
    assertEquals(t, TimeWindow.parse("" + T));
    assertEquals(t, TimeWindow.parse("2026-01-01T00:00:00Z"));
    assertEquals(t, TimeWindow.parse("2026-01-01T01:00:00+01:00"));
    assertEquals(t, TimeWindow.parse("2026-01-01T01:00+01:00"));
    assertEquals(t, TimeWindow.parse("2026-01-01T01:00:00 01:00"), "a '+' decoded as a space");
    assertEquals(t, TimeWindow.parse("2026-01-01T00:00:00"), "no offset: UTC");
    assertEquals(t, TimeWindow.parse("2026-01-01"), "a date: its midnight UTC");
    assertEquals(t.plusMillis(500), TimeWindow.parse("2026-01-01T00:00:00.5Z"));
  }

  @Test
  void aFractionalBoundFallsBetweenWholeSeconds() {
    TimeWindow window =
        requested(
            "updated_since", "2026-01-01T00:00:00.5Z", "updated_until", "2026-01-01T00:00:02.5Z");

    assertFalse(window.contains(0, T));
    assertTrue(window.contains(0, T + 1));
    assertTrue(window.contains(0, T + 2));
    assertFalse(window.contains(0, T + 3));
  }

  @Test
  void refusesWhatIsNeitherWithA400NamingTheFilter() {
    for (String bad :
        List.of("yesterday", "2026-13-01", "1.5", "99999999999999999999", "2026-01-01T25:00Z")) {
      ApiError error = assertThrows(ApiError.class, () -> requested("updated_since", bad), bad);
      assertEquals(400, error.status());
      assertTrue(error.getMessage().contains("updated_since"), error.getMessage());
      assertEquals("Invalid filter value", title(error));
    }
  }

  @Test
  void blankOrAbsentFiltersLeaveTheWindowOpen() {
    TimeWindow window = requested("updated_since", " ");

    assertNull(window.updatedSince());
    assertTrue(window.contains(0, 0));
  }

  @Test
  void theIgnoredVariantListsEverythingAndLooksAtNoValue() {
    variants.set("updated_since", "ignored");

    assertSame(TimeWindow.ALL, requested("updated_since", "" + T, "created_until", "nonsense"));
    assertTrue(requested("updated_since", "" + T).contains(0, T - 1));
  }

  @Test
  void theVariantIsHonouredByDefault() {
    assertEquals("honoured", variants.all().get("updated_since"));
    assertFalse(requested("updated_since", "" + T).contains(0, T - 1));
  }

  @SuppressWarnings("unchecked")
  private static String title(ApiError error) {
    var errors = (List<Map<String, Object>>) error.document().get("errors");
    return (String) errors.get(0).get("title");
  }
}
