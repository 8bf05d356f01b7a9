package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.SandboxVariants.Variant;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The time filters of a list: {@code filter[updated_since]}, {@code filter[updated_until]}, {@code
 * filter[created_since]} and {@code filter[created_until]}, each in unix seconds or ISO 8601 (with
 * an offset or {@code Z}; without one, UTC; a date alone is its midnight UTC). A since is inclusive
 * and an until exclusive, so that consecutive windows [a, b) and [b, c) read every change once. A
 * null bound is open.
 */
record TimeWindow(
    Instant updatedSince, Instant updatedUntil, Instant createdSince, Instant createdUntil) {

  static final TimeWindow ALL = new TimeWindow(null, null, null, null);

  /** The longest unix-seconds value taken: far past any date, far from Instant's bounds. */
  private static final int MAX_DIGITS = 11;

  /**
   * The window a request's query asks for; {@link #ALL} when the variant has the server ignore the
   * filters. A value that is neither unix seconds nor ISO 8601 is a 400, as jsonapi-resources
   * answers an invalid filter value.
   */
  static TimeWindow requested(Map<String, List<String>> query, SandboxVariants variants) {
    if (variants.is(Variant.UPDATED_SINCE, "ignored")) {
      return ALL;
    }
    return new TimeWindow(
        bound(query, "updated_since"),
        bound(query, "updated_until"),
        bound(query, "created_since"),
        bound(query, "created_until"));
  }

  boolean contains(long createdAt, long updatedAt) {
    return within(updatedAt, updatedSince, updatedUntil)
        && within(createdAt, createdSince, createdUntil);
  }

  private static boolean within(long seconds, Instant since, Instant until) {
    if (since == null && until == null) {
      return true;
    }
    Instant at = Instant.ofEpochSecond(seconds);
    return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
  }

  private static Instant bound(Map<String, List<String>> query, String name) {
    List<String> values = query.get("filter[" + name + "]");
    String value = values == null || values.isEmpty() ? null : JsonApi.filter(values.get(0));
    if (value == null) {
      return null;
    }
    Instant parsed = parse(value);
    if (parsed == null) {
      throw new ApiError(
          400,
          "Invalid filter value",
          value + " is not a valid value for " + name + " (unix seconds or ISO 8601)");
    }
    return parsed;
  }

  /** Unix seconds or an ISO 8601 date-time or date; null when it is neither. */
  static Instant parse(String value) {
    if (value.matches("-?\\d{1," + MAX_DIGITS + "}")) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    // A '+' of an offset that reached us unencoded was decoded to a space.
    String iso = value.replaceFirst(" (\\d{2}(:?\\d{2})?)$", "+$1");
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeException notWithOffset) {
      // try the forms without an offset
    }
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException notLocal) {
      // try a date alone
    }
    try {
      return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException notADate) {
      return null;
    }
  }
}
