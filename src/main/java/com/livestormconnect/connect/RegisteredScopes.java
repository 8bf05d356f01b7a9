package com.livestormconnect.connect;

import static com.livestormconnect.livestorm.LivestormScope.EVENTS_READ;
import static com.livestormconnect.livestorm.LivestormScope.IDENTITY_READ;

import com.livestormconnect.config.ConfigurationException;
import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.livestorm.LivestormScope;
import com.livestormconnect.livestorm.ScopeSelection;
import com.nimbusds.oauth2.sdk.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes our app is registered with at Livestorm (LIVESTORM_SCOPES). Checked at start-up: an
 * unknown name, or a set that breaks the partner guide's combination rules (they are rules for the
 * registration: full:write alone, full:read only with individual write scopes), stops the
 * deployment naming the rule. Only registered scopes can be asked for (Livestorm answers
 * invalid_scope on its own page otherwise); the page's default is least privilege within them.
 */
@ApplicationScoped
public class RegisteredScopes {
  @Inject LivestormSettings settings;

  private ScopeSelection registered;

  @PostConstruct
  void check() {
    registered = parse(settings.registeredScopes());
  }

  void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
    registered.chosen(); // forces @PostConstruct: a bad LIVESTORM_SCOPES fails the deployment.
  }

  static ScopeSelection parse(Scope scope) {
    ScopeSelection selection = ScopeSelection.of(scope);
    if (!selection.unknown().isEmpty()) {
      throw new ConfigurationException(
          List.of(
              "LIVESTORM_SCOPES contains unknown scope(s) "
                  + selection.unknown()
                  + "; known scopes: "
                  + Arrays.stream(LivestormScope.values()).map(LivestormScope::value).toList()));
    }
    if (selection.chosen().isEmpty()) {
      throw new ConfigurationException(List.of("LIVESTORM_SCOPES must name at least one scope"));
    }
    selection
        .brokenRule()
        .ifPresent(
            rule -> {
              throw new ConfigurationException(
                  List.of(
                      "LIVESTORM_SCOPES ("
                          + scope
                          + ") breaks Livestorm's scope rule: "
                          + RULES.getOrDefault(rule, rule)));
            });
    return selection;
  }

  /** The partner guide's rules in words for the start-up message (the page has them translated). */
  private static final Map<String, String> RULES =
      Map.of(
          "connect.rule.fullWriteAlone",
          "full:write cannot be combined with any other scope",
          "connect.rule.fullReadWithWritesOnly",
          "full:read can only be combined with individual write scopes, not with other read scopes");

  /** Whether the app may ask Livestorm for this scope: Doorkeeper compares names, one by one. */
  public boolean allows(LivestormScope scope) {
    return registered.chosen().contains(scope);
  }

  /** Whether every chosen scope is registered. */
  public boolean covers(ScopeSelection selection) {
    return registered.chosen().containsAll(selection.chosen());
  }

  public ScopeSelection selection() {
    return registered;
  }

  /** What the page proposes first. */
  public ScopeSelection defaultSelection() {
    return defaultFor(registered);
  }

  static ScopeSelection defaultFor(ScopeSelection registered) {
    // Least privilege (RFC 9700 §2.3): read who is connected and their events, nothing more,
    // and only scopes the app is registered with; else the registration itself.
    Set<LivestormScope> minimal = EnumSet.noneOf(LivestormScope.class);
    for (LivestormScope wanted : List.of(IDENTITY_READ, EVENTS_READ)) {
      if (registered.chosen().contains(wanted)) {
        minimal.add(wanted);
      }
    }
    return minimal.isEmpty() ? registered : new ScopeSelection(minimal, Set.of());
  }
}
