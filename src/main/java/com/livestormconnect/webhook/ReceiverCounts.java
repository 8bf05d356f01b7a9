package com.livestormconnect.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node's receiver answered since it started, for {@code /metrics} and the admin page.
 * Kept in memory on purpose: a forged delivery must cost no database write, so refusals are counted
 * here only (each node's Prometheus series adds up to the cluster's).
 */
@ApplicationScoped
public class ReceiverCounts {
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong rejectedSignatures = new AtomicLong();
  final AtomicLong malformed = new AtomicLong();
  final AtomicLong oversized = new AtomicLong();
  final AtomicLong unknown = new AtomicLong();

  /** A snapshot of the counters. */
  public record Totals(
      long accepted,
      long duplicates,
      long rejectedSignatures,
      long malformed,
      long oversized,
      long unknown) {}

  public Totals totals() {
    return new Totals(
        accepted.get(),
        duplicates.get(),
        rejectedSignatures.get(),
        malformed.get(),
        oversized.get(),
        unknown.get());
  }
}
