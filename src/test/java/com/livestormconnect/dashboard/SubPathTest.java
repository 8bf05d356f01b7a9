package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the dashboard servlets read after their path: an id of Livestorm's, then an action. */
class SubPathTest {
  private static final Set<String> EVENT_ACTIONS = Set.of("", "edit", "delete");
  private static final String UUID = "3f0e5b6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  @Test
  void readsAnIdAndWhatFollowsIt() {
    assertEquals(Optional.of(new SubPath(UUID, "")), SubPath.parse("/" + UUID));
    assertEquals(Optional.of(new SubPath(UUID, "edit")), SubPath.parse("/" + UUID + "/edit"));
    assertEquals(Optional.of(new SubPath("abc", "people.csv")), SubPath.parse("/abc/people.csv"));
  }

  @Test
  void noPathAnEmptyIdOrADotSegmentIsNoId() {
    for (String hostile :
        new String[] {
          null,
          "",
          "/",
          "//",
          "//edit",
          "/../x",
          "/./x",
          "/..",
          "/.",
          "/%2e%2e/x",
          "/..%2Fx",
          "x/edit",
          "/ /edit",
          "/a b",
          "/a;jsessionid=1",
          "/a?b",
          "/a#b",
          "/a\u0000b",
          "/%00",
          "/\u0430bc",
          "/a\\b/edit",
          "/a_b",
          "/a.b"
        }) {
      assertTrue(SubPath.parse(hostile).isEmpty(), "read an id in " + hostile);
    }
  }

  @Test
  void anEncodedSlashIsNoPartOfAnId() {
    // Undecoded, "%" is no id character; decoded by the container, it splits like any slash.
    assertTrue(SubPath.parse("/a%2Fb").isEmpty());
    assertTrue(SubPath.parse("/a%2fedit").isEmpty());
    SubPath decoded = SubPath.parse("/a/b").orElseThrow();
    assertEquals("a", decoded.id());
    assertFalse(decoded.isOneOf(EVENT_ACTIONS), "b is no action");
  }

  @Test
  void anIdOfMoreThanSixtyFourCharactersIsNoId() {
    assertEquals("a".repeat(64), SubPath.parse("/" + "a".repeat(64)).orElseThrow().id());
    assertTrue(SubPath.parse("/" + "a".repeat(65)).isEmpty());
    assertTrue(SubPath.parse("/" + "a".repeat(100_000) + "/edit").isEmpty());
  }

  @Test
  void aTrailingSlashAfterTheIdIsItsPageAndAfterAnActionIsNoAction() {
    // As before the sub-path was parsed here: /events/{id}/ shows the event.
    assertEquals(Optional.of(new SubPath("abc", "")), SubPath.parse("/abc/"));
    SubPath edit = SubPath.parse("/abc/edit/").orElseThrow();
    assertEquals("edit/", edit.action());
    assertFalse(edit.isOneOf(EVENT_ACTIONS));
  }

  @Test
  void onlyTheGivenActionsAreAccepted() {
    assertTrue(SubPath.parse("/abc/delete").orElseThrow().isOneOf(EVENT_ACTIONS));
    for (String action :
        new String[] {"Edit", "edit/x", "../edit", "delete/../edit", "edit;x", "%65dit"}) {
      assertFalse(SubPath.parse("/abc/" + action).orElseThrow().isOneOf(EVENT_ACTIONS), action);
    }
  }

  @Test
  void writesItsPathUnderAServletsPath() {
    assertEquals("/events/abc", new SubPath("abc", "").under("/events"));
    assertEquals("/events/abc/delete", new SubPath("abc", "delete").under("/events"));
  }
}
