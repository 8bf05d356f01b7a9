package com.livestormconnect.livestorm;

/**
 * Whose Livestorm connection a call uses. Callers pass {@code Access.of(accountId)}; the
 * {@link LivestormCallInterceptor} replaces it, for the duration of one attempt, with a copy that
 * carries the connection and a fresh access token. The token never leaves this package's calls and
 * never appears in {@link #toString()}.
 */
public record Access(long accountId, String connectionId, String bearer) {
  public static Access of(long accountId) {
    return new Access(accountId, null, null);
  }

  Access with(String connection, String token) {
    return new Access(accountId, connection, token);
  }

  @Override
  public String toString() {
    return "Access[account=" + accountId + ", connection=" + connectionId + "]";
  }
}
