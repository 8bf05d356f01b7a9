package com.livestormconnect.livestorm;

import java.time.Duration;
import java.util.Optional;

/**
 * The guarantee behind {@link CallPermits}: a fixed number of slots per connection, where a slot
 * taken for a request is free again only one window after that request's answer came back, so no
 * rolling window can see more arrivals than there are slots, whatever the latency. In memory on one
 * node ({@link CallPermits.Slots}); in the database when several nodes share a connection ({@link
 * SlotTable}).
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
  Optional<Held> take(long deadline) throws InterruptedException;

  /** After a 429: no slot of the connection is free before {@code pause} has passed. */
  default void pause(Duration pause) {}
}
