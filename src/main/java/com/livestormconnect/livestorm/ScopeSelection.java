package com.livestormconnect.livestorm;

import com.nimbusds.oauth2.sdk.Scope;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of scopes someone chose, and Livestorm's rules for combining them (partner guide, "OAuth2
 * scopes"): a write scope includes its read scope, so choosing both means the write scope; {@code
 * full:write} cannot be combined with anything; {@code full:read} can be combined only with
 * individual write scopes.
 *
 * @param chosen the known scopes as chosen, before reduction (what the page shows checked again)
 * @param unknown names that are not Livestorm scopes
 */
public record ScopeSelection(Set<LivestormScope> chosen, Set<String> unknown) {

  public ScopeSelection {
    chosen =
        Collections.unmodifiableSet(
            chosen.isEmpty() ? EnumSet.noneOf(LivestormScope.class) : EnumSet.copyOf(chosen));
    unknown = Collections.unmodifiableSet(new LinkedHashSet<>(unknown));
  }

  public static ScopeSelection of(Collection<String> values) {
    Set<LivestormScope> chosen = EnumSet.noneOf(LivestormScope.class);
    Set<String> unknown = new LinkedHashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      LivestormScope.of(value.trim()).ifPresentOrElse(chosen::add, () -> unknown.add(value.trim()));
    }
    return new ScopeSelection(chosen, unknown);
  }

  public static ScopeSelection of(Scope scope) {
    return of(scope == null ? List.of() : scope.toStringList());
  }

  public static ScopeSelection of(LivestormScope... scopes) {
    return new ScopeSelection(Set.of(scopes), Set.of());
  }

  /** The chosen scopes with every read scope whose write scope is also chosen left out. */
  public Set<LivestormScope> reduced() {
    Set<LivestormScope> reduced = EnumSet.noneOf(LivestormScope.class);
    reduced.addAll(chosen);
    reduced.removeIf(s -> !s.isWrite() && chosen.contains(s.write()));
    return Collections.unmodifiableSet(reduced);
  }

  /** The message key of the first rule this selection breaks, if any. */
  public Optional<String> brokenRule() {
    if (!unknown.isEmpty()) {
      return Optional.of("connect.rule.unknown");
    }
    Set<LivestormScope> reduced = reduced();
    if (reduced.isEmpty()) {
      return Optional.of("connect.rule.empty");
    }
    if (reduced.contains(LivestormScope.FULL_WRITE) && reduced.size() > 1) {
      return Optional.of("connect.rule.fullWriteAlone");
    }
    boolean readBesideFullRead =
        reduced.stream().anyMatch(s -> s != LivestormScope.FULL_READ && !s.isWrite());
    if (reduced.contains(LivestormScope.FULL_READ) && readBesideFullRead) {
      return Optional.of("connect.rule.fullReadWithWritesOnly");
    }
    return Optional.empty();
  }

  public boolean isValid() {
    return brokenRule().isEmpty();
  }

  /** The reduced selection as a Nimbus scope, in the page's order. */
  public Scope toScope() {
    return new Scope(reduced().stream().map(LivestormScope::value).toArray(String[]::new));
  }

  /** The chosen values, in the page's order, for re-checking the boxes. */
  public Set<String> values() {
    return chosen.stream()
        .map(LivestormScope::value)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Same scopes after reduction, whatever the order or redundant read scopes. */
  public boolean sameAs(ScopeSelection other) {
    return reduced().equals(other.reduced());
  }

  @Override
  public String toString() {
    return toScope().toString();
  }
}
