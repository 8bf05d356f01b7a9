package com.livestormconnect.connect;

import static com.livestormconnect.connect.LivestormScope.EVENTS_READ;
import static com.livestormconnect.connect.LivestormScope.IDENTITY_READ;

import com.livestormconnect.config.ConfigurationException;
import com.livestormconnect.config.LivestormSettings;
import com.nimbusds.oauth2.sdk.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes our app is registered with at Livestorm (LIVESTORM_SCOPES). Checked at start-up: an
 * unknown name stops the deployment. The registration may hold any known scopes (the sandbox
 * registers all ten, which is not itself a valid request); the page's default selection is the
 * registration when that is a valid request, otherwise a least-privilege default.
 */
@ApplicationScoped
public class RegisteredScopes {
  @Inject
  LivestormSettings settings;

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
      throw new ConfigurationException(List.of("LIVESTORM_SCOPES contains unknown scope(s) "
          + selection.unknown() + "; known scopes: "
          + Arrays.stream(LivestormScope.values()).map(LivestormScope::value).toList()));
    }
    if (selection.chosen().isEmpty()) {
      throw new ConfigurationException(List.of("LIVESTORM_SCOPES must name at least one scope"));
    }
    return selection;
  }

  public ScopeSelection selection() {
    return registered;
  }

  /** What the page proposes first. */
  public ScopeSelection defaultSelection() {
    return defaultFor(registered);
  }

  static ScopeSelection defaultFor(ScopeSelection registered) {
    if (registered.isValid()) {
      return registered;
    }
    // Least privilege (RFC 9700 §2.3): read who is connected and their events, nothing more.
    Set<LivestormScope> minimal = EnumSet.noneOf(LivestormScope.class);
    for (LivestormScope wanted : List.of(IDENTITY_READ, EVENTS_READ)) {
      if (registered.chosen().contains(wanted) || registered.chosen().contains(wanted.write())) {
        minimal.add(wanted);
      }
    }
    return minimal.isEmpty() ? ScopeSelection.of(IDENTITY_READ, EVENTS_READ)
        : new ScopeSelection(minimal, Set.of());
  }
}
