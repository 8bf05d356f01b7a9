package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.GrantedScopes;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.web.TimeFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One dashboard page being built: whose it is, what their connection allows, how they read times,
 * what went wrong talking to Livestorm, and the template's model.
 */
public final class DashboardPage {
  private final long accountId;
  private final Optional<ConnectionSummary> connection;
  private final GrantedScopes grants;
  private final TimeFormat time;
  private final PageProblems problems = new PageProblems();
  private final PageCalls calls;
  private final Map<String, Object> model = new HashMap<>();

  DashboardPage(long accountId, Optional<ConnectionSummary> connection, TimeFormat time) {
    this(accountId, connection, time, PageCalls::direct);
  }

  DashboardPage(
      long accountId,
      Optional<ConnectionSummary> connection,
      TimeFormat time,
      Function<PageProblems, PageCalls> calls) {
    this.accountId = accountId;
    this.connection = connection;
    this.grants = connection.map(GrantedScopes::usable).orElse(GrantedScopes.NONE);
    this.time = time;
    this.calls = calls.apply(problems);
  }

  public Access access() {
    return Access.of(accountId);
  }

  public long accountId() {
    return accountId;
  }

  public boolean connected() {
    return connection.isPresent();
  }

  public Optional<ConnectionSummary> connection() {
    return connection;
  }

  public boolean allows(String scope) {
    return connected() && grants.allows(scope);
  }

  public GrantedScopes grants() {
    return grants;
  }

  public TimeFormat time() {
    return time;
  }

  public PageProblems problems() {
    return problems;
  }

  public <T> Optional<T> attempt(Supplier<T> call) {
    return problems.attempt(call);
  }

  /** This page's Livestorm reads: recent answers reused, independent calls side by side. */
  public PageCalls calls() {
    return calls;
  }

  public DashboardPage put(String name, Object value) {
    model.put(name, value);
    return this;
  }

  Map<String, Object> model() {
    return model;
  }
}
