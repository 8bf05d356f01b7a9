package com.livestormconnect.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Faults for tests of a receiver, switched at run time by a control: a share of deliveries lost
 * (never sent, never retried, as when Livestorm drops one), each delivery sent between 1 and {@code
 * copies} times (at-least-once), deliveries sent in a shuffled order, and a delay before each post.
 */
@ApplicationScoped
public class DeliveryFaults {
  /** The faults in force; {@link #NONE} by default. */
  public record Chosen(int dropPercent, int copies, boolean shuffle, long delayMillis) {
    public static final Chosen NONE = new Chosen(0, 1, false, 0);

    public Chosen {
      if (dropPercent < 0 || dropPercent > 100) {
        throw new IllegalArgumentException("drop_percent must be from 0 to 100");
      }
      if (copies < 1 || copies > MAX_COPIES) {
        throw new IllegalArgumentException("copies must be from 1 to " + MAX_COPIES);
      }
      if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
        throw new IllegalArgumentException("delay_ms must be from 0 to " + MAX_DELAY_MILLIS);
      }
    }
  }

  public static final int MAX_COPIES = 10;
  public static final long MAX_DELAY_MILLIS = 10_000;

  private volatile Chosen chosen = Chosen.NONE;

  public Chosen current() {
    return chosen;
  }

  void choose(Chosen faults) {
    chosen = faults;
  }
}
