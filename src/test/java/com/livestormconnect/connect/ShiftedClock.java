package com.livestormconnect.connect;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the app's clock in ConnectIT's deployment only: the real time plus an offset a test can
 * set, e.g. to let a pending authorization expire without waiting ten minutes.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class ShiftedClock {
  private static volatile Duration offset = Duration.ZERO;

  public static void shift(Duration by) {
    offset = by;
  }

  public static void reset() {
    offset = Duration.ZERO;
  }

  @Produces
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.now().plus(offset);
      }
    };
  }
}
