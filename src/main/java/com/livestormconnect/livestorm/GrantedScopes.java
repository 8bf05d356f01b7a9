package com.livestormconnect.livestorm;

import com.livestormconnect.token.ConnectionSummary;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the scopes granted to a connection let the dashboard do, and which scopes to ask for when
 * the user reconnects to enable one more feature. A write scope includes its read scope; {@code
 * full:read} includes every read scope and {@code full:write} everything.
 */
public record GrantedScopes(Set<LivestormScope> granted) {
  public static final GrantedScopes NONE = new GrantedScopes(EnumSet.noneOf(LivestormScope.class));

  public GrantedScopes {
    granted = granted.isEmpty() ? EnumSet.noneOf(LivestormScope.class) : EnumSet.copyOf(granted);
  }

  /** From the space-separated scope string stored with the connection. */
  public static GrantedScopes parse(String spaceSeparated) {
    if (spaceSeparated == null || spaceSeparated.isBlank()) {
      return NONE;
    }
    return new GrantedScopes(
        ScopeSelection.of(Arrays.asList(spaceSeparated.trim().split("\\s+"))).chosen());
  }

  /**
   * What the app may use of a connection: what Livestorm granted, limited to what the user chose (a
   * broader grant is kept as granted but never used beyond the choice). Connections made before the
   * choice was kept are used as granted.
   */
  public static GrantedScopes usable(ConnectionSummary connection) {
    GrantedScopes granted = parse(connection.grantedScopes());
    return connection.requestedScopes() == null
        ? granted
        : granted.limitedTo(parse(connection.requestedScopes()));
  }

  /** What both this and {@code chosen} allow. */
  public GrantedScopes limitedTo(GrantedScopes chosen) {
    Set<LivestormScope> both = EnumSet.noneOf(LivestormScope.class);
    for (LivestormScope scope : LivestormScope.values()) {
      if (allows(scope) && chosen.allows(scope)) {
        both.add(scope);
      }
    }
    return new GrantedScopes(both);
  }

  /** Whether this allows something {@code chosen} does not: Livestorm granted more than asked. */
  public boolean exceeds(GrantedScopes chosen) {
    return Arrays.stream(LivestormScope.values()).anyMatch(s -> allows(s) && !chosen.allows(s));
  }

  /** Whether the connection was granted more than the user chose, for the connection page. */
  public static boolean grantedMoreThanChosen(ConnectionSummary connection) {
    return connection.requestedScopes() != null
        && parse(connection.grantedScopes()).exceeds(parse(connection.requestedScopes()));
  }

  public boolean allows(LivestormScope needed) {
    return granted.contains(LivestormScope.FULL_WRITE)
        || granted.contains(needed)
        || granted.contains(needed.write())
        || (!needed.isWrite() && granted.contains(LivestormScope.FULL_READ));
  }

  /** For templates: {@code allows('events:write')}. Unknown names allow nothing. */
  public boolean allows(String needed) {
    return LivestormScope.of(needed).map(this::allows).orElse(false);
  }

  /**
   * The scopes to send to {@code POST /connect} so that {@code needed} is granted too: the current
   * ones plus it, reduced by Livestorm's combination rules; just {@code needed} when the current
   * ones cannot be combined with it.
   */
  public List<String> with(String needed) {
    LivestormScope scope =
        LivestormScope.of(needed)
            .orElseThrow(() -> new IllegalArgumentException("not a Livestorm scope: " + needed));
    Set<LivestormScope> wanted = EnumSet.of(scope);
    wanted.addAll(granted);
    ScopeSelection selection = new ScopeSelection(wanted, Set.of());
    Set<LivestormScope> scopes = selection.isValid() ? selection.reduced() : Set.of(scope);
    return scopes.stream().map(LivestormScope::value).toList();
  }

  /** The granted scopes' names, for the reconnect form. */
  public List<String> values() {
    return granted.stream().map(LivestormScope::value).toList();
  }
}
