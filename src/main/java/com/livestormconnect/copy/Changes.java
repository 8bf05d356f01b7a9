package com.livestormconnect.copy;

import com.livestormconnect.copy.CopyChanged.Kind;
import com.livestormconnect.database.Database;
import com.livestormconnect.token.ConnectionRemoved;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The write side of the local copy, for whoever learns of a change (the sync, webhooks, the app's
 * own writes): apply a resource Livestorm sent, forget a row Livestorm deleted, or mark a list for
 * the sync to re-read. Each method runs in the caller's transaction or one of its own, locks the
 * account's copy first (so concurrent writers of one account take turns and newest-wins compares
 * against what is committed), and announces every real change as a {@link CopyChanged} once the
 * transaction has committed, exactly once.
 */
@ApplicationScoped
public class Changes {
  private static final Logger LOG = Logger.getLogger(Changes.class.getName());

  /**
   * How long a stale mark waits before the sync re-reads its list: marks that arrive meanwhile
   * (registrations pouring in before a session) share one re-read.
   */
  static final Duration STALE_DELAY = Duration.ofSeconds(30);

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject CopyAccounts accounts;

  @Inject Event<PendingChange> pending;

  @Inject Clock clock;

  /**
   * Applies one Livestorm resource (a JSON:API {@code data} object of {@code type} {@code events},
   * {@code sessions} or {@code people}; a person carries {@code registrant_detail} with its {@code
   * session_id}) unless the copy holds a newer version (by {@code updated_at}). The same version
   * again changes nothing and announces nothing.
   */
  @Transactional
  public Applied apply(long accountId, String type, JsonObject resource) {
    return apply(accountId, type, resource, false);
  }

  /**
   * As {@link #apply}, for a resource that may come out of order (a webhook delivery, retried,
   * duplicated and shuffled): a different version with the same {@code updated_at} as the row held
   * is not applied ({@link Applied#TIED}), and the caller has its list re-read. {@code updated_at}
   * counts whole seconds, so a session started and ended within one second is delivered twice with
   * the same one: applying the delivery that comes last would put the earlier state back, and the
   * sync restoring the current one would then announce the same change a second time.
   */
  @Transactional
  public Applied applyDelivered(long accountId, String type, JsonObject resource) {
    return apply(accountId, type, resource, true);
  }

  private Applied apply(long accountId, String type, JsonObject resource, boolean outOfOrder) {
    Incoming incoming;
    try {
      incoming = Incoming.of(type, resource, null);
    } catch (IllegalArgumentException e) {
      LOG.fine(() -> "Account " + accountId + ": the copy refused " + e.getMessage());
      return Applied.REFUSED;
    }
    try (Connection c = dataSource.getConnection()) {
      if (!locked(c, accountId)) {
        return Applied.NOT_CONNECTED;
      }
      CopyRows.Put put = CopyRows.put(c, accountId, incoming, clock.millis(), outOfOrder);
      announce(put.change());
      return put.applied();
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /**
   * Forgets a row Livestorm deleted, with what hangs from it (an event's sessions and people, a
   * session's people); a person is forgotten from every session the copy has them in. False when
   * the copy did not hold it.
   */
  @Transactional
  public boolean forget(long accountId, Kind kind, String id) {
    return forget(accountId, kind, id, null);
  }

  /** Forgets a person's registration to one session ({@code sessionId}), or as above when null. */
  @Transactional
  public boolean forget(long accountId, Kind kind, String id, String sessionId) {
    if (id == null || id.isBlank() || id.length() > Incoming.MAX_ID) {
      return false;
    }
    try (Connection c = dataSource.getConnection()) {
      if (!locked(c, accountId)) {
        return false;
      }
      List<CopyChanged> gone = CopyRows.forget(c, accountId, kind, id, sessionId);
      gone.forEach(this::announce);
      return !gone.isEmpty();
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /**
   * Marks a list for the sync to re-read soon (a webhook that could not be trusted, a change the
   * app made, a page's refresh button leaves that to {@code Sync}). Many marks on one list before
   * it is read cost one re-read.
   */
  @Transactional
  public void markStale(long accountId, Scope scope) {
    if (scope.parentId() != null && scope.parentId().length() > Incoming.MAX_ID) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      if (locked(c, accountId)) {
        long now = clock.millis();
        CopyRows.markStale(c, accountId, scope, now, now + STALE_DELAY.toMillis());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /**
   * The copy is personal data of the connection: it goes in the same transaction as the connection
   * (a plain observer of the event fired inside the deleting transaction), so a disconnection that
   * rolls back keeps both, and one that commits keeps neither.
   */
  void removed(@Observes ConnectionRemoved removed) {
    try (Connection c = dataSource.getConnection()) {
      CopyRows.deleteAll(c, removed.accountId());
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /** Takes the account's copy lock, making its row first if needed; false when not connected. */
  boolean locked(Connection c, long accountId) throws SQLException {
    if (CopyRows.lock(c, accountId)) {
      return true;
    }
    try {
      if (!accounts.create(accountId)) {
        return false;
      }
    } catch (RuntimeException lostTheRace) {
      // Another writer inserted the row at the same moment: it is there now.
      LOG.fine(() -> "copy_sync row of account " + accountId + " made by another writer");
    }
    return CopyRows.lock(c, accountId);
  }

  void announce(CopyChanged change) {
    if (change != null) {
      pending.fire(new PendingChange(change));
    }
  }
}
