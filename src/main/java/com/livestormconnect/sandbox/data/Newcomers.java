package com.livestormconnect.sandbox.data;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * People who register to a session through Livestorm's own registration page while a test runs:
 * names, places and sources from the demo's pools, an e-mail no one else has, the demo's answers to
 * the event's form.
 */
public final class Newcomers {
  private final Random random = new Random(DemoData.SEED + 1);
  private final AtomicInteger count = new AtomicInteger();

  /** A new person registering to {@code session} at {@code now}. */
  public synchronized Registration next(EventSession session, long now) {
    String first = Pools.pick(random, Pools.FIRST_NAMES);
    String last = Pools.pick(random, Pools.LAST_NAMES);
    String email =
        DemoData.emailFor(first, last, 0).replace("@", ".new" + count.incrementAndGet() + "@");
    return new Registration(
        UUID.randomUUID().toString(),
        session.id(),
        session.eventId(),
        first,
        last,
        email,
        session.timezone(),
        now,
        now,
        false,
        null,
        0,
        0,
        0,
        0,
        0,
        false,
        Pools.pick(random, Pools.PLACES),
        Pools.pick(random, Pools.SOURCES),
        Pools.pick(random, Pools.BROWSERS),
        Pools.pick(random, Pools.SYSTEMS),
        "registration_page",
        null);
  }
}
