package com.livestormconnect.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * At most {@code limit} events in any {@code window}, kept in {@link ThrottleTable} as the epoch
 * millis of the events still inside the window. Stricter than a token bucket, whose refill lets
 * through up to twice its capacity in one window: here the sixth event of an hour waits until the
 * first is an hour old.
 */
record SlidingLog(int limit, Duration window) {

  /** Records an event: the result is zero when recorded, else how long until one may be. */
  ThrottleTable.Step<Duration> record() {
    return (state, now) -> {
      List<Long> events = inWindow(state, now);
      if (events.size() >= limit) {
        long oldest = events.get(events.size() - limit);
        return stored(Duration.ofMillis(Math.max(1, oldest + window.toMillis() - now)), events);
      }
      events.add(now);
      return stored(Duration.ZERO, events);
    };
  }

  /** Takes back the latest event (it turned out to do nothing). */
  ThrottleTable.Step<Void> takeBack() {
    return (state, now) -> {
      List<Long> events = inWindow(state, now);
      if (!events.isEmpty()) {
        events.remove(events.size() - 1);
      }
      return stored(null, events);
    };
  }

  private <T> ThrottleTable.Change<T> stored(T result, List<Long> events) {
    if (events.isEmpty()) {
      return ThrottleTable.Change.delete(result);
    }
    String text = events.stream().map(String::valueOf).collect(Collectors.joining(","));
    return new ThrottleTable.Change<>(
        result, text, events.get(events.size() - 1) + window.toMillis());
  }

  private List<Long> inWindow(Optional<String> state, long now) {
    List<Long> events = new ArrayList<>();
    if (state.isPresent() && !state.get().isEmpty()) {
      for (String event : state.get().split(",")) {
        long at = Long.parseLong(event);
        if (at > now - window.toMillis()) {
          events.add(at);
        }
      }
    }
    // Only the latest `limit` events can matter.
    return new ArrayList<>(events.subList(Math.max(0, events.size() - limit), events.size()));
  }
}
