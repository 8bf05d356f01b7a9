package com.livestormconnect.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock the app reads time from (UTC). Injecting it, instead of calling {@code Instant.now()},
 * lets in-container tests move time forward, e.g. past a pending authorization's expiry.
 */
@ApplicationScoped
public class SystemClock {
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
