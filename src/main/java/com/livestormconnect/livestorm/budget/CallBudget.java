package com.livestormconnect.livestorm.budget;

import com.livestormconnect.config.BudgetSettings;
import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Database;
import com.livestormconnect.token.ConnectionRefreshed;
import com.livestormconnect.token.ConnectionRemoved;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A connection's call budget: whether and when it may call Livestorm, and what it has used. The one
 * public face of this package.
 *
 * <p>What it promises:
 *
 * <ul>
 *   <li>at most {@code LIVESTORM_RATE_LIMIT} requests of a connection <em>arrive</em> at Livestorm
 *       within any rolling second, on all nodes together (a slot is free again 1 s + 10 ms after
 *       its request's answer; shared through PostgreSQL when nodes share one, in memory on Derby);
 *   <li>after a 429, every caller of the connection on every node holds back for its Retry-After
 *       (at most an hour), and every node can say when calls resume;
 *   <li>callers wait in order, up to their deadline, and a caller that gives up holds nothing;
 *       interactive callers (page loads) go first, background work (exports) only with what they
 *       leave, so a page load waits for one permit at most, never for an export's queue;
 *   <li>once the monthly quota is used up, no call until its reset except one probe an hour, and
 *       background work can be capped at a share of the monthly quota ({@code
 *       LIVESTORM_BACKGROUND_QUOTA_SHARE});
 *   <li>counters per connection and in total, per node, since start.
 * </ul>
 *
 * <p>Pages and operators read {@link #standing} (one record per connection), {@link #totals} and
 * {@link #countersByConnection}. The Livestorm client alone uses the rest: {@link #permit} before
 * each attempt, then {@link #answered}, {@link #failed} or {@link #tooManyRequests} after it, and
 * {@link #heard} with each answer's headers.
 */
@ApplicationScoped
public class CallBudget {
  private static final Logger LOG = Logger.getLogger(CallBudget.class.getName());

  /** Share of its monthly allowance below which a connection counts as running low. */
  static final double LOW_QUOTA = 0.1;

  /** Who is asking: a person waiting for a page, or work nobody watches as it happens. */
  public enum Priority {
    INTERACTIVE,
    BACKGROUND
  }

  /** A permit for one request: close it as soon as the answer (or the failure) is in. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /** Counters of calls at one instant, per connection or in total, since this node started. */
  public record Counters(
      long calls,
      long failures,
      long rateLimited,
      long retries,
      long refreshes,
      long refreshFailures,
      Duration permitWait,
      Duration callTime) {
    public double averageCallMillis() {
      return calls == 0 ? 0 : callTime.toNanos() / 1e6 / calls;
    }
  }

  /**
   * How many permit waits fell into each bucket: {@code bucketCounts[i]} waited at most {@code
   * bucketBounds[i]} seconds (and more than the bound before); the last count is above every bound.
   */
  public record WaitHistogram(
      long[] bucketCounts, double[] bucketBounds, long count, Duration sum) {}

  /**
   * Everything the budget says about one connection.
   *
   * @param callsResumeAt when calls resume after a 429, if they are held back now (on any node)
   * @param monthlyLimit the monthly quota, as Livestorm's headers last said (null: not known)
   * @param monthlyRemaining the calls left this month (null: not known)
   * @param monthlyResetsAt when the monthly quota resets, if Livestorm said
   * @param usedPercent the share of the monthly quota used, in whole percent (null: not known)
   * @param warningLevel the warning a page shows: null, 80 or 95 (percent used passed)
   * @param quotaUsedUpUntil the end of the hold when the monthly quota is used up
   * @param counters this node's counters of the connection
   */
  public record Standing(
      String connection,
      Optional<Instant> callsResumeAt,
      Long monthlyLimit,
      Long monthlyRemaining,
      Optional<Instant> monthlyResetsAt,
      Integer usedPercent,
      Integer warningLevel,
      Optional<Instant> quotaUsedUpUntil,
      Counters counters) {}

  /**
   * The node's totals, for {@code /metrics}: without a label per connection, the monthly quota is
   * told by the smallest figure left (null when none is known) and how many connections run low
   * (below a tenth of their limit).
   */
  public record Totals(
      Counters calls,
      WaitHistogram permitWaits,
      Long smallestMonthlyRemaining,
      long connectionsRunningLow) {}

  /** No call now: why, and until when if that is known. */
  public static final class Refusal extends RuntimeException {
    /** Why no call may be made. */
    public enum Reason {
      /** No permit before the caller's deadline. */
      BUSY,
      /** The monthly quota is used up until {@link #until}. */
      QUOTA_USED_UP,
      /** Background work has used its share of the monthly quota. */
      BACKGROUND_SHARE_USED,
      /** The shared window could not be reached (the database). */
      UNAVAILABLE
    }

    private final Reason reason;
    private final transient Instant until;

    Refusal(Reason reason, Instant until, String message, Throwable cause) {
      super(message, cause);
      this.reason = reason;
      this.until = until;
    }

    public Reason reason() {
      return reason;
    }

    public Optional<Instant> until() {
      return Optional.ofNullable(until);
    }
  }

  @Inject LivestormSettings livestorm;

  @Inject Settings settings;

  @Inject BudgetSettings budget;

  @Inject Clock clock;

  @Resource(lookup = Database.PERMITS_JNDI_NAME)
  DataSource permitsPool;

  private Permits permits;
  private Quotas quotas;
  private MonthlyQuota monthly;
  private CallMetrics metrics;
  private double backgroundShare;

  /** For CDI. */
  protected CallBudget() {}

  CallBudget(
      int limit, Duration window, ArrivalWindow arrivals, Clock clock, int backgroundPercent) {
    configure(limit, window, arrivals, clock, backgroundPercent);
  }

  @PostConstruct
  void init() {
    int limit = livestorm.rateLimitPerSecond();
    ArrivalWindow arrivals;
    if (settings.database().isDerby()) {
      arrivals = new MemoryWindow(limit, Permits.WINDOW);
    } else {
      LOG.info("Rate limit window shared by all nodes through PostgreSQL (table permit_slot)");
      arrivals = new SharedWindow(permitsPool, limit, Permits.WINDOW, livestorm.connectTimeout());
    }
    configure(limit, Permits.WINDOW, arrivals, clock, budget.backgroundQuotaPercent());
  }

  private void configure(
      int limit, Duration window, ArrivalWindow arrivals, Clock clock, int backgroundPercent) {
    this.clock = clock;
    this.permits = new Permits(limit, window, arrivals);
    this.quotas = new Quotas();
    this.monthly = new MonthlyQuota(quotas, clock);
    this.metrics = new CallMetrics();
    this.backgroundShare = backgroundPercent / 100.0;
  }

  /** Everything the budget says about this connection (nothing known: empty figures). */
  public Standing standing(String connection) {
    Optional<Quotas.Quota> figures = quotas.of(connection);
    return new Standing(
        connection,
        permits.resumesAt(connection),
        figures.map(Quotas.Quota::monthlyLimit).orElse(null),
        figures.map(Quotas.Quota::monthlyRemaining).orElse(null),
        figures.map(Quotas.Quota::resetsAt),
        monthly.usedFraction(connection).map(f -> (int) Math.floor(f * 100)).orElse(null),
        monthly.warningLevel(connection),
        monthly.usedUpUntil(connection),
        metrics.forConnection(connection));
  }

  /** This node's totals since start. */
  public Totals totals() {
    var known = quotas.all().stream().filter(q -> q.monthlyRemaining() != null).toList();
    OptionalLong min = known.stream().mapToLong(Quotas.Quota::monthlyRemaining).min();
    Long smallest = min.isPresent() ? min.getAsLong() : null;
    long low =
        known.stream()
            .filter(
                q ->
                    q.monthlyLimit() != null
                        && q.monthlyLimit() > 0
                        && q.monthlyRemaining() < q.monthlyLimit() * LOW_QUOTA)
            .count();
    return new Totals(metrics.total(), metrics.permitWaits(), smallest, low);
  }

  /** This node's counters of every connection it keeps, sorted by connection id. */
  public Map<String, Counters> countersByConnection() {
    return metrics.byConnection();
  }

  /**
   * Waits for a permit to send one request on this connection, until {@code deadline} at most.
   *
   * @throws Refusal when no call may be made: the monthly quota is used up (except for the hourly
   *     probe), background work has used its share, no permit came before the deadline, or the
   *     shared window could not be reached
   */
  public Permit permit(String connection, Priority priority, Instant deadline)
      throws InterruptedException {
    Optional<Instant> held = monthly.refusedUntil(connection);
    if (held.isPresent()) {
      throw new Refusal(
          Refusal.Reason.QUOTA_USED_UP,
          held.get(),
          "Livestorm's monthly API quota is used up until " + held.get() + "; no call until then",
          null);
    }
    if (priority == Priority.BACKGROUND
        && backgroundShare < 1
        && monthly.usedFraction(connection).filter(used -> used >= backgroundShare).isPresent()) {
      throw new Refusal(
          Refusal.Reason.BACKGROUND_SHARE_USED,
          null,
          "Background work may use "
              + Math.round(backgroundShare * 100)
              + " % of Livestorm's monthly API quota, and that much is used",
          null);
    }
    long started = System.nanoTime();
    Optional<Permit> permit;
    try {
      permit = permits.acquire(connection, priority, Duration.between(Instant.now(), deadline));
    } finally {
      metrics.permitWait(connection, System.nanoTime() - started);
    }
    return permit.orElseThrow(
        () ->
            new Refusal(
                Refusal.Reason.BUSY,
                null,
                "Livestorm is busy: no request slot for this connection before the deadline",
                null));
  }

  /**
   * Livestorm answered 2xx after {@code nanos}: a call, a failed one if the answer could not be
   * read; either way it went through, so a connection held for its monthly quota resumes.
   */
  public void answered(String connection, long nanos, boolean readable) {
    metrics.call(connection, nanos, !readable);
    monthly.answered(connection);
  }

  /** The call failed after {@code nanos}: an error status, or no answer at all. */
  public void failed(String connection, long nanos) {
    metrics.call(connection, nanos, true);
  }

  /** The call is made again (after a 401, a 429, a 5xx or a network failure). */
  public void retried(String connection) {
    metrics.retried(connection);
  }

  /** A token refresh for this connection failed (successful ones arrive as an event). */
  public void refreshFailed(String connection) {
    metrics.refreshFailed(connection);
  }

  /** The rate-limit headers of an answer on this connection: the monthly quota's figures. */
  public void heard(String connection, Function<String, String> header) {
    quotas.record(connection, header);
  }

  /**
   * Livestorm answered 429. Its {@code Retry-After} (read here, once) tells the monthly quota from
   * the per-second limit: for the monthly quota the connection is held until the reset and a {@link
   * Refusal} is thrown; otherwise every caller of the connection pauses for Retry-After, or {@code
   * backoff} when it is absent or unreadable, capped at an hour.
   *
   * @return the pause applied
   */
  public Duration tooManyRequests(
      String connection, Optional<String> retryAfter, Duration backoff) {
    metrics.rateLimited(connection);
    Optional<Duration> wait = RetryAfter.parse(retryAfter, clock.instant());
    Optional<Instant> usedUp = monthly.afterTooManyRequests(connection, wait);
    if (usedUp.isPresent()) {
      throw new Refusal(
          Refusal.Reason.QUOTA_USED_UP,
          usedUp.get(),
          "Livestorm's monthly API quota is used up until " + usedUp.get() + "; no call until then",
          null);
    }
    return permits.pause(connection, wait.orElse(backoff));
  }

  /**
   * After the refresh committed (fired once the rotation's own transaction has ended, so a plain
   * observer: one that waited for a surrounding transaction would lose the count when that one
   * rolls back, though the refresh happened).
   */
  void refreshed(@Observes ConnectionRefreshed refreshed) {
    metrics.refreshed(refreshed.connectionId());
  }

  /**
   * After the deletion committed (fired inside the deleting transaction, so observed after
   * success): a rolled-back disconnection leaves everything in place.
   */
  void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionRemoved removed) {
    forget(removed.connectionId());
  }

  void forget(String connection) {
    quotas.forget(connection);
    metrics.forget(connection);
    monthly.forget(connection);
    // Last: with PostgreSQL it deletes the connection's permit_slot rows and may fail (logged by
    // the container); the memory above is freed whatever comes of it.
    permits.forget(connection);
  }

  /** For the bound's test. */
  Permits permits() {
    return permits;
  }
}
