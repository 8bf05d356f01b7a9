package com.livestormconnect.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.partner.Attempt.Verdict;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void any2xxIsDelivered() {
    assertEquals(Verdict.DELIVERED, Attempt.answered(200, null, NOW).verdict());
    assertEquals(Verdict.DELIVERED, Attempt.answered(204, null, NOW).verdict());
  }

  @Test
  void serverErrorsAndTooManyRequestsAreRetriedHonouringRetryAfter() {
    assertEquals(Verdict.RETRY, Attempt.answered(500, null, NOW).verdict());
    assertEquals(Verdict.RETRY, Attempt.answered(503, null, NOW).verdict());
    Attempt limited = Attempt.answered(429, "42", NOW);
    assertEquals(Verdict.RETRY, limited.verdict());
    assertEquals(Optional.of(Duration.ofSeconds(42)), limited.retryAfter());
    assertEquals("HTTP 429", limited.outcome());
  }

  @Test
  void otherAnswersFailAtOnce() {
    for (int status : new int[] {301, 400, 401, 404, 410, 413, 422}) {
      assertEquals(Verdict.FAIL, Attempt.answered(status, "5", NOW).verdict(), "" + status);
    }
  }

  @Test
  void noAnswerIsRetried() {
    Attempt timeout = Attempt.unanswered(new HttpTimeoutException("request timed out"));
    assertEquals(Verdict.RETRY, timeout.verdict());
    assertEquals("timeout", timeout.outcome());
    assertEquals(Verdict.RETRY, Attempt.unanswered(new ConnectException()).verdict());
    assertEquals(Verdict.RETRY, Attempt.unanswered(new IOException("reset")).verdict());
  }
}
