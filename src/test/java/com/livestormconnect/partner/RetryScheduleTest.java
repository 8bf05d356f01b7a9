package com.livestormconnect.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Instant UNTIL = NOW.plus(Duration.ofHours(20));

  @Test
  void waitsFiveSecondsThenTwiceAsLongUpToAnHour() {
    List<Long> seconds =
        IntStream.rangeClosed(1, 13)
            .mapToObj(RetrySchedule::backoff)
            .map(Duration::toSeconds)
            .toList();
    assertEquals(
        List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 3600L, 3600L, 3600L),
        seconds);
    assertEquals(Duration.ofHours(1), RetrySchedule.backoff(10_000));
  }

  @Test
  void keepsTryingForTwentyFourHours() {
    // From the first failure to the end of the window: about 11 waits up to the hour, then hourly.
    Instant at = NOW;
    Instant until = NOW.plus(RetrySchedule.WINDOW);
    RetrySchedule schedule = new RetrySchedule(() -> 0.5);
    int attempts = 1;
    Optional<Instant> next;
    while ((next = schedule.next(attempts, at, until, Optional.empty())).isPresent()) {
      at = next.get();
      attempts++;
    }
    assertEquals(until, at, "the last attempt is at the end of the window");
    assertEquals(34, attempts, "attempts in all, the first included");
  }

  @Test
  void jitterMovesEachWaitByAtMostAQuarter() {
    Duration low =
        new RetrySchedule(() -> 0.0)
            .next(3, NOW, UNTIL, Optional.empty())
            .map(t -> Duration.between(NOW, t))
            .orElseThrow();
    Duration high =
        new RetrySchedule(() -> 0.999999)
            .next(3, NOW, UNTIL, Optional.empty())
            .map(t -> Duration.between(NOW, t))
            .orElseThrow();
    assertEquals(Duration.ofSeconds(15), low);
    assertTrue(high.compareTo(Duration.ofSeconds(25)) <= 0 && high.toSeconds() >= 24, "" + high);
  }

  @Test
  void aRetryAfterReplacesTheComputedWait() {
    RetrySchedule schedule = new RetrySchedule(() -> 0.5);
    assertEquals(
        Optional.of(NOW.plusSeconds(120)),
        schedule.next(1, NOW, UNTIL, Optional.of(Duration.ofSeconds(120))));
  }

  @Test
  void nothingIsTriedAfterTheWindow() {
    RetrySchedule schedule = new RetrySchedule(() -> 0.5);
    assertEquals(Optional.empty(), schedule.next(5, UNTIL, UNTIL, Optional.empty()));
    // A wait that would pass the end is cut to it: one last attempt at the end.
    assertEquals(
        Optional.of(UNTIL), schedule.next(12, UNTIL.minusSeconds(10), UNTIL, Optional.empty()));
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), RetrySchedule.retryAfter("30", NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetrySchedule.retryAfter("Sun, 06 Dec 2026 12:01:30 GMT", NOW));
    // At least a second, at most six hours; nonsense is ignored.
    assertEquals(Optional.of(Duration.ofSeconds(1)), RetrySchedule.retryAfter("0", NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(1)),
        RetrySchedule.retryAfter("Sun, 06 Dec 2026 11:00:00 GMT", NOW));
    assertEquals(
        Optional.of(RetrySchedule.LONGEST_RETRY_AFTER),
        RetrySchedule.retryAfter("2147483647", NOW));
    assertEquals(Optional.empty(), RetrySchedule.retryAfter("soon", NOW));
    assertEquals(Optional.empty(), RetrySchedule.retryAfter(null, NOW));
    assertEquals(Optional.empty(), RetrySchedule.retryAfter("-5", NOW));
  }
}
