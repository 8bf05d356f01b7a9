package com.livestormconnect.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each subscription's delivery health, beside the store's record of it (which holds only what the
 * API shows): consecutive failed attempts, the last answer, and whether it is disabled. A disabled
 * subscription gets nothing more; the fix, as at Livestorm, is to create it again.
 */
@ApplicationScoped
public class SubscriptionStates {
  /** One subscription's health; {@code lastStatus} 0 when no answer came (or none yet). */
  public record State(boolean disabled, int failures, int lastStatus, Long disabledAt) {
    static final State FRESH = new State(false, 0, 0, null);
  }

  private final Map<String, State> states = new ConcurrentHashMap<>();

  public State of(String subscriptionId) {
    return states.getOrDefault(subscriptionId, State.FRESH);
  }

  public boolean disabled(String subscriptionId) {
    return of(subscriptionId).disabled();
  }

  void succeeded(String subscriptionId, int status) {
    states.compute(
        subscriptionId,
        (id, s) -> s != null && s.disabled() ? s : new State(false, 0, status, null));
  }

  void failed(String subscriptionId, int status) {
    states.compute(
        subscriptionId,
        (id, s) -> {
          State current = s == null ? State.FRESH : s;
          return new State(
              current.disabled(), current.failures() + 1, status, current.disabledAt());
        });
  }

  void disable(String subscriptionId, long at) {
    states.compute(
        subscriptionId,
        (id, s) -> {
          State current = s == null ? State.FRESH : s;
          return current.disabled()
              ? current
              : new State(true, current.failures(), current.lastStatus(), at);
        });
  }

  /** The subscription was deleted: its ids are never reused, its state goes with it. */
  public void forget(String subscriptionId) {
    states.remove(subscriptionId);
  }

  void clear() {
    states.clear();
  }
}
