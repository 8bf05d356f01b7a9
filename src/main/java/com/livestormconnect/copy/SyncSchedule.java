package com.livestormconnect.copy;

import com.livestormconnect.config.SyncSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the sync on the server's managed threads: every {@link #TICK_SECONDS} seconds each node
 * looks for accounts with lists due (or a new connection to backfill), takes the lease of those it
 * can ({@code copy_sync.lease_holder}, {@link Sync#LEASE}) and runs their turn on the managed
 * executor, at most {@link #MAX_RUNNING} at once per node. A node that dies stops renewing its
 * leases; another takes its accounts over within {@code LEASE + TICK} (under a minute), resuming
 * from the committed checkpoints.
 *
 * <p>New connections are backfilled from the first tick after they appear; with {@code
 * SYNC_INTERVAL} 0 only when asked ({@link Sync#backfillAgain}: the connection page's button), so
 * that a server that syncs nothing on schedule never starts reading on its own.
 *
 * <p>A lease of our own rather than db-scheduler or Quartz's clustered JDBC store: the work is one
 * row per account that any node may take, the same two SQL statements run on Derby and PostgreSQL,
 * the lease's renewal is committed with each page (so a node that lost it can commit nothing), and
 * the schedule (what is due when) lives in the copy's own rows, where a webhook's mark or a refresh
 * changes it in the same transaction; neither library adds tables that the four servers' smoke
 * suite would need to create, or threads outside the container's.
 */
@ApplicationScoped
public class SyncSchedule {
  private static final Logger LOG = Logger.getLogger(SyncSchedule.class.getName());
  static final long TICK_SECONDS = 10;
  static final int MAX_RUNNING = 2;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource ManagedExecutorService executor;

  @Inject Checkpoints checkpoints;

  @Inject Sync sync;

  @Inject Clock clock;

  @Inject SyncSettings settings;

  /** This node's name in the leases it holds. */
  private final String holder = "node-" + UUID.randomUUID();

  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private volatile ScheduledFuture<?> ticking;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    ticking =
        scheduler.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> t = ticking;
    if (t != null) {
      t.cancel(false);
    }
  }

  /** One look for work; never throws (a scheduled task that throws is not run again). */
  void tick() {
    try {
      for (long accountId : checkpoints.accountsWithWork(clock.millis(), settings.scheduled())) {
        if (running.size() >= MAX_RUNNING) {
          return;
        }
        if (running.contains(accountId)
            || !checkpoints.takeLease(
                accountId, holder, clock.millis(), clock.millis() + Sync.LEASE.toMillis())) {
          continue;
        }
        running.add(accountId);
        try {
          executor.submit(() -> turn(accountId));
        } catch (RuntimeException rejected) {
          running.remove(accountId);
          checkpoints.releaseLease(accountId, holder);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The sync's schedule could not look for work", e);
    }
  }

  private void turn(long accountId) {
    try {
      sync.run(accountId, holder);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sync of account " + accountId + " failed", e);
    } finally {
      running.remove(accountId);
      try {
        checkpoints.releaseLease(accountId, holder);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Lease of account " + accountId + " not released", e);
      }
    }
  }

  /** For tests: runs a tick now. */
  void tickNow() {
    tick();
  }
}
