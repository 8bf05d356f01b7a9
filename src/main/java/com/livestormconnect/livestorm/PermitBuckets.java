package com.livestormconnect.livestorm;

import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Database;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the permit buckets live when several nodes share one PostgreSQL: in its
 * {@code permit_bucket} table, through Bucket4j's PostgreSQL backend, so that all nodes together
 * stay within Livestorm's limit per connection. Each reservation is one short transaction on the row
 * of that connection ({@code SELECT ... FOR UPDATE}, {@code UPDATE}, {@code COMMIT}); waiting for
 * the reserved slot happens afterwards, in this JVM, holding no lock and no connection. The row
 * lock rather than an advisory lock because the key is the connection id, a UUID string, and
 * {@code pg_advisory_xact_lock} takes a number.
 *
 * <p>Bucket4j computes refills from the node's wall clock, so the nodes' clocks must agree (NTP);
 * skew between nodes eats into the limiter's 5 % margin. On Derby (one node) there is nothing to
 * share and {@link #shared()} is empty.
 */
@ApplicationScoped
public class PermitBuckets {
  private static final Logger LOG = Logger.getLogger(PermitBuckets.class.getName());

  /** A row may go this long after its bucket is full again; an idle connection costs no row. */
  private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

  @Resource(lookup = Database.PERMITS_JNDI_NAME)
  DataSource dataSource;

  @Resource
  ManagedScheduledExecutorService scheduler;

  @Inject
  Settings settings;

  private PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
  private ScheduledFuture<?> cleaning;

  @PostConstruct
  void connect() {
    if (settings.database().isDerby()) {
      return;
    }
    shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("permit_bucket")
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
        .build();
    // Every node cleans; Bucket4j's DELETE skips rows another node has locked.
    cleaning = scheduler.scheduleWithFixedDelay(this::removeExpired, 10, 10, TimeUnit.MINUTES);
    LOG.info("Rate limit shared by all nodes through PostgreSQL (table permit_bucket)");
  }

  /** The shared buckets, or empty when this node is alone (Derby). */
  public Optional<ProxyManager<String>> shared() {
    return Optional.ofNullable(shared);
  }

  private void removeExpired() {
    try {
      int removed;
      do {
        removed = shared.removeExpired(500);
      } while (removed == 500);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not remove expired permit buckets; will try again", e);
    }
  }

  @PreDestroy
  void stop() {
    if (cleaning != null) {
      cleaning.cancel(false);
    }
  }
}
