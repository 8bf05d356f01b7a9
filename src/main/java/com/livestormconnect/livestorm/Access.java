package com.livestormconnect.livestorm;

import com.livestormconnect.token.FreshToken;

/**
 * Whose Livestorm connection a call uses. Callers pass {@code Access.of(accountId)}; the {@link
 * LivestormCallInterceptor} replaces it, for the duration of one attempt, with a copy that carries
 * the connection and a fresh access token. Only this package reads the connection and the token
 * (their accessors are package-private), and neither appears in {@link #toString()}.
 */
public final class Access {
  private final long accountId;
  private final String connectionId;
  private final String bearer;
  private final boolean background;

  /** Tokens just issued and not stored yet (the callback's {@code /me}), or null. */
  private final FreshToken granted;

  private Access(
      long accountId, String connectionId, String bearer, FreshToken granted, boolean background) {
    this.accountId = accountId;
    this.connectionId = connectionId;
    this.bearer = bearer;
    this.granted = granted;
    this.background = background;
  }

  /** A call someone waits for (a page load): it goes before background work. */
  public static Access of(long accountId) {
    return new Access(accountId, null, null, null, false);
  }

  /**
   * A call nobody waits for as it happens (an export): it gets the connection's permits only when
   * no page load waits for one, and may be capped at a share of the monthly quota.
   */
  public static Access background(long accountId) {
    return new Access(accountId, null, null, null, true);
  }

  /**
   * A call with tokens Livestorm has just issued, before they are stored: the interceptor uses them
   * as they are (no lookup, no refresh) but still meters the call and takes its permit from {@code
   * token}'s connection.
   */
  public static Access granted(long accountId, FreshToken token) {
    return new Access(accountId, null, null, token, false);
  }

  public long accountId() {
    return accountId;
  }

  String connectionId() {
    return connectionId;
  }

  String bearer() {
    return bearer;
  }

  FreshToken granted() {
    return granted;
  }

  boolean background() {
    return background;
  }

  Access with(String connection, String token) {
    return new Access(accountId, connection, token, granted, background);
  }

  @Override
  public String toString() {
    return "Access[account=" + accountId + ", connection=" + connectionId + "]";
  }
}
