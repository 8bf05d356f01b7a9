package com.livestormconnect.connect;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pending authorizations of one browser session, keyed by {@code state} so that two tabs do not
 * overwrite each other. Each can be claimed once; how many are kept is bounded, so a script posting
 * /connect in a loop cannot grow the session. States already claimed are remembered a while, to
 * tell the user "already used" rather than "unknown".
 */
@SessionScoped
public class PendingAuthorizations implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int MAX_PENDING = 5;
  static final int MAX_REMEMBERED_USED = 20;

  /** Why a callback's state was refused; each has a message explaining it to the user. */
  public enum StateProblem {
    MISSING,
    UNKNOWN,
    EXPIRED,
    REUSED,
    OTHER_ACCOUNT;

    public String messageKey() {
      return "connect.state." + name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }
  }

  /** Either the pending authorization, or the problem with the state. */
  public record Claim(PendingAuthorization pending, StateProblem problem) {
    static Claim of(StateProblem problem) {
      return new Claim(null, problem);
    }

    public boolean isValid() {
      return pending != null;
    }
  }

  private final Map<String, PendingAuthorization> pending = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();

  public synchronized void add(PendingAuthorization authorization) {
    while (pending.size() >= MAX_PENDING) {
      Iterator<String> oldest = pending.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    pending.put(authorization.state().getValue(), authorization);
  }

  /**
   * Takes the pending authorization for {@code state}, whatever the outcome: a state is good for
   * one callback only (RFC 9700 §4.7.1).
   */
  public synchronized Claim claim(String state, long accountId, Instant now) {
    if (state == null || state.isBlank()) {
      return Claim.of(StateProblem.MISSING);
    }
    PendingAuthorization found = pending.remove(state);
    if (found == null) {
      return Claim.of(used.contains(state) ? StateProblem.REUSED : StateProblem.UNKNOWN);
    }
    remember(state);
    if (found.accountId() != accountId) {
      return Claim.of(StateProblem.OTHER_ACCOUNT);
    }
    if (found.isExpired(now)) {
      return Claim.of(StateProblem.EXPIRED);
    }
    return new Claim(found, null);
  }

  synchronized int size() {
    return pending.size();
  }

  private void remember(String state) {
    used.add(state);
    if (used.size() > MAX_REMEMBERED_USED) {
      Iterator<String> oldest = used.iterator();
      oldest.next();
      oldest.remove();
    }
  }

  @Override
  public synchronized String toString() {
    return "PendingAuthorizations[" + pending.size() + " pending]";
  }
}
