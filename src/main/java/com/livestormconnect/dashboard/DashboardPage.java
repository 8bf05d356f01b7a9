package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.GrantedScopes;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.web.TimeFormat;
import java.time.Instant;
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
  private Instant copyAsOf;
  private RefreshTarget refresh;

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

  /**
   * Notes that part of the page was read from the local copy, complete as of {@code asOf}: the page
   * says "as of" the oldest of them.
   */
  public DashboardPage fromCopy(Instant asOf) {
    if (asOf != null && (copyAsOf == null || asOf.isBefore(copyAsOf))) {
      copyAsOf = asOf;
    }
    return this;
  }

  /** When the oldest part of the page read from the copy was complete; empty when all was live. */
  public Optional<Instant> copyAsOf() {
    return Optional.ofNullable(copyAsOf);
  }

  /** What the page's "refresh" button re-reads into the copy. */
  public DashboardPage refreshable(RefreshTarget target) {
    this.refresh = target;
    return this;
  }

  public Optional<RefreshTarget> refreshTarget() {
    return Optional.ofNullable(refresh);
  }

  public DashboardPage put(String name, Object value) {
    model.put(name, value);
    return this;
  }

  Map<String, Object> model() {
    return model;
  }
}
