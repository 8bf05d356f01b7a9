package com.livestormconnect.livestorm.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The guarantee behind {@link Permits}: a fixed number of slots per connection, where a slot taken
 * for a request is free again only one window after that request's answer came back, so no rolling
 * window can see more arrivals than there are slots, whatever the latency. It also holds the
 * connection's pause after a 429, because the pause is nothing but "no slot is free before then":
 * kept once, it holds back every caller the window serves and tells every node when calls resume.
 *
 * <p>One instance per node, chosen once by {@link CallBudget}: in memory when this node is alone
 * ({@link MemoryWindow}, Derby), in PostgreSQL when several nodes share the connections ({@link
 * SharedWindow}).
 */
interface ArrivalWindow {
  /** A slot held for one request. */
  interface Held {
    /** The request went out and its answer (or failure) is in: free one window from now. */
    void release();

    /** Nothing was sent: the slot is free again as it was before. */
    void giveBack();
  }

  /** Takes a slot, waiting until {@code deadline} ({@link System#nanoTime()}) at most. */
  Optional<Held> take(String connection, long deadline) throws InterruptedException;

  /** After a 429: no slot of the connection is free before {@code pause} has passed. */
  void pause(String connection, Duration pause);

  /** When the connection's pause ends, if one runs now (on any node that shares the window). */
  Optional<Instant> resumesAt(String connection);

  /** The connection is gone: its slots and pause go too. */
  void forget(String connection);
}
