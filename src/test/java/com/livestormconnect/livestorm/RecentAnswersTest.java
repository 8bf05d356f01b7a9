package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
  private final RecentAnswers answers = new RecentAnswers(Duration.ofSeconds(30));
  private final RecentAnswers.Owner alice = new RecentAnswers.Owner(1, "c1 u1 events:read");

  @Test
  void anAnswerIsFoundAgainOnlyByItsOwnAccountAndConnection() {
    answers.keep(alice, "event/e1", "answer", AT);

    assertEquals("answer", answers.find(alice, "event/e1").orElseThrow().value());
    assertEquals(AT, answers.find(alice, "event/e1").orElseThrow().fetchedAt());
    assertTrue(
        answers.find(new RecentAnswers.Owner(2, "c1 u1 events:read"), "event/e1").isEmpty(),
        "another account");
    assertTrue(
        answers.find(new RecentAnswers.Owner(1, "c1 u2 events:read"), "event/e1").isEmpty(),
        "the same account connected to another Livestorm user");
    assertTrue(answers.find(alice, "event/e2").isEmpty());
  }

  @Test
  void forgettingAnAccountForgetsAllItsAnswersAndNobodyElses() {
    RecentAnswers.Owner bob = new RecentAnswers.Owner(2, "c2 u2 events:read");
    answers.keep(alice, "event/e1", "a", AT);
    answers.keep(alice, "events?page=0", "b", AT);
    answers.keep(bob, "event/e1", "c", AT);

    answers.forget(1);

    assertTrue(answers.find(alice, "event/e1").isEmpty());
    assertTrue(answers.find(alice, "events?page=0").isEmpty());
    assertEquals("c", answers.find(bob, "event/e1").orElseThrow().value());
  }

  @Test
  void aTtlOfZeroKeepsNothing() {
    RecentAnswers off = new RecentAnswers(Duration.ZERO);
    off.keep(alice, "event/e1", "answer", AT);

    assertFalse(off.enabled());
    assertTrue(off.find(alice, "event/e1").isEmpty());
  }

  @Test
  void theCacheIsBounded() {
    for (int i = 0; i < RecentAnswers.MAX_ENTRIES * 2; i++) {
      answers.keep(new RecentAnswers.Owner(i, "c"), "x", "answer", AT);
    }
    answers.cleanUp();
    assertTrue(answers.size() <= RecentAnswers.MAX_ENTRIES, "entries: " + answers.size());
  }

  @Test
  void aRemovedConnectionsAnswersAreForgotten() {
    answers.keep(alice, "event/e1", "answer", AT);
    answers.removed(new com.livestormconnect.token.ConnectionRemoved(1, "c1"));
    assertTrue(answers.find(alice, "event/e1").isEmpty());
  }
}
