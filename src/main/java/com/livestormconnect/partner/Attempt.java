package com.livestormconnect.partner;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one attempt to deliver a message came to: delivered (any 2xx), worth another try later (a
 * 5xx, a 429, a timeout, a connection that could not be made), or refused for good (any other
 * answer: a 4xx says the partner will not take this message, and sending it again would only be
 * refused again). {@code outcome} is our own short text for the admin page, never the partner's
 * body.
 */
record Attempt(Verdict verdict, String outcome, Optional<Duration> retryAfter) {

  enum Verdict {
    DELIVERED,
    RETRY,
    FAIL
  }

  static Attempt answered(int status, String retryAfterHeader, Instant now) {
    String outcome = "HTTP " + status;
    if (status >= 200 && status < 300) {
      return new Attempt(Verdict.DELIVERED, outcome, Optional.empty());
    }
    if (status == 429) {
      return new Attempt(Verdict.RETRY, outcome, RetrySchedule.retryAfter(retryAfterHeader, now));
    }
    if (status >= 500 && status < 600) {
      // A 503 may say when the service is back.
      return new Attempt(Verdict.RETRY, outcome, RetrySchedule.retryAfter(retryAfterHeader, now));
    }
    return new Attempt(Verdict.FAIL, outcome, Optional.empty());
  }

  /** No answer: the connection failed or timed out; the partner may be back later. */
  static Attempt unanswered(Exception e) {
    String outcome = e instanceof HttpTimeoutException ? "timeout" : e.getClass().getSimpleName();
    return new Attempt(Verdict.RETRY, outcome, Optional.empty());
  }
}
