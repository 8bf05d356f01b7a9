package com.livestormconnect.livestorm.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Livestorm's rate-limit headers last said, per connection: the monthly allowance left and
 * when it resets. Livestorm documents {@code RateLimit-Monthly-*} while its older spec and clients
 * spell it {@code RateLimit-Montly-*}; both are read (header names are case-insensitive).
 */
final class Quotas {
  /**
   * Figures not renewed for longer than a month describe a quota that has reset since: they may go
   * (and a connection that makes a call has them again from its answer).
   */
  static final Duration KEPT = Duration.ofDays(32);

  /** The latest figures for one connection. */
  record Quota(Long monthlyLimit, Long monthlyRemaining, Instant resetsAt, Instant seenAt) {}

  private final Map<String, Quota> byConnection = ConnectionStates.<Quota>bounded(KEPT).asMap();

  void record(String connection, Function<String, String> header) {
    if (connection == null) {
      return;
    }
    Long limit = number(header, "RateLimit-Monthly-Limit", "RateLimit-Montly-Limit");
    Long remaining = number(header, "RateLimit-Monthly-Remaining", "RateLimit-Montly-Remaining");
    Long reset = number(header, "RateLimit-Reset");
    if (limit == null && remaining == null && reset == null) {
      return;
    }
    byConnection.put(
        connection,
        new Quota(
            limit, remaining, reset == null ? null : Instant.ofEpochSecond(reset), Instant.now()));
  }

  Optional<Quota> of(String connection) {
    return Optional.ofNullable(byConnection.get(connection));
  }

  /** The latest figures of every connection (for an aggregate such as the smallest quota left). */
  Collection<Quota> all() {
    return List.copyOf(byConnection.values());
  }

  void forget(String connection) {
    byConnection.remove(connection);
  }

  private static Long number(Function<String, String> header, String... names) {
    for (String name : names) {
      String value = header.apply(name);
      if (value != null) {
        try {
          return Long.parseLong(value.trim());
        } catch (NumberFormatException ignored) {
          // An unreadable header is as good as an absent one.
        }
      }
    }
    return null;
  }
}
