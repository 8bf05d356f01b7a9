package com.livestormconnect.token;

import com.livestormconnect.token.ConnectionEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads, saves and deletes each account's connection, and records what happened in the same
 * transaction, so the audit trail never disagrees with the row. Tokens are encrypted on every save
 * with the current key, which is also how values written under a retired key get re-encrypted.
 */
@ApplicationScoped
public class TokenStore {
  @PersistenceContext EntityManager em;

  @Inject TokenCipher cipher;

  @Inject Clock clock;

  @Inject Event<ConnectionRemoved> removed;

  /** The connection as pages may show it, without decrypting anything. */
  @Transactional
  public Optional<ConnectionSummary> find(long accountId) {
    return byAccount(accountId, LockModeType.NONE).map(LivestormConnection::summary);
  }

  /** The account's audit trail, newest first: connections, refreshes, failures, disconnections. */
  public List<ConnectionEvent> history(long accountId, int max) {
    return em.createNamedQuery("ConnectionEvent.ofAccount", ConnectionEvent.class)
        .setParameter("accountId", accountId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Every connection, oldest first, for administrators. Nothing is decrypted. */
  public List<ConnectionSummary> all() {
    return em.createNamedQuery("LivestormConnection.all", LivestormConnection.class)
        .getResultStream()
        .map(LivestormConnection::summary)
        .toList();
  }

  /** The decrypted tokens of the account's connection. */
  @Transactional
  public Optional<TokenSet> load(long accountId) {
    return byAccount(accountId, LockModeType.NONE).map(c -> c.tokens(cipher));
  }

  /**
   * The id the account's connection has, or will have once {@link #save saved}: calls made with
   * tokens not stored yet (the callback's {@code /me}) are metered and rate-limited under it.
   */
  @Transactional
  public String connectionIdFor(long accountId) {
    return byAccount(accountId, LockModeType.NONE)
        .map(LivestormConnection::id)
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  /**
   * Stores the tokens of a new authorization and who they act for, in one write: creates the
   * account's connection (with {@code connectionId}, from {@link #connectionIdFor}) or replaces the
   * previous one (keeping its id), status CONNECTED.
   */
  @Transactional
  public ConnectionSummary save(
      long accountId, String connectionId, TokenSet tokens, LivestormIdentity identity) {
    Instant now = clock.instant();
    LivestormConnection connection =
        byAccount(accountId, LockModeType.PESSIMISTIC_WRITE)
            .orElseGet(() -> new LivestormConnection(connectionId, accountId, now));
    boolean replacing = em.contains(connection);
    connection.authorized(tokens, identity, cipher, now);
    if (!replacing) {
      em.persist(connection);
    }
    record(
        connection,
        Kind.CONNECTED,
        (replacing ? "reconnected" : "connected") + " with scope " + tokens.scope());
    em.flush();
    return connection.summary();
  }

  /**
   * Deletes the account's connection and its tokens; empty when there was none. Fires {@link
   * ConnectionRemoved}, which observers see once the deletion has committed.
   */
  @Transactional
  public Optional<ConnectionSummary> delete(long accountId, String cause) {
    return byAccount(accountId, LockModeType.PESSIMISTIC_WRITE)
        .map(
            connection -> {
              ConnectionSummary gone = connection.summary();
              em.remove(connection);
              record(connection, Kind.DISCONNECTED, cause);
              em.flush();
              removed.fire(new ConnectionRemoved(accountId, gone.id()));
              return gone;
            });
  }

  /**
   * Ids of the connections with a token value not written as {@code prefix} (the cipher's current
   * format and key), for {@link TokenReencryption}.
   */
  @Transactional
  List<String> idsNotStartingWith(String prefix) {
    String like = prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%";
    return em.createQuery(
            "SELECT c.id FROM LivestormConnection c"
                + " WHERE c.accessTokenCiphertext NOT LIKE :like ESCAPE '\\'"
                + " OR (c.refreshTokenCiphertext IS NOT NULL AND c.refreshTokenCiphertext NOT LIKE :like ESCAPE '\\')"
                + " ORDER BY c.id",
            String.class)
        .setParameter("like", like)
        .getResultList();
  }

  /**
   * Re-encrypts one connection's tokens with {@code with}'s current key and format, in a
   * transaction of its own that holds the row lock (SELECT ... FOR UPDATE): a refresh on this or
   * another node either commits before (and we re-encrypt its new tokens) or waits for us, so stale
   * tokens are never written over fresh ones; the version column guards the rest. False when the
   * row is gone or was current already.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  boolean reencrypt(String connectionId, TokenCipher with) {
    LivestormConnection connection =
        em.find(LivestormConnection.class, connectionId, LockModeType.PESSIMISTIC_WRITE);
    return connection != null && connection.reencrypt(with, clock.instant());
  }

  /**
   * The account's connection as it is now, for {@link TokenRefresh}: read in a transaction (the
   * caller's, or one of its own) and returned detached. It also runs on managed executor threads (a
   * page's calls, export jobs), where on Payara another task's end may close a non-transactional
   * EntityManager mid-query; a transaction-scoped one belongs to its transaction alone.
   */
  @Transactional
  Optional<LivestormConnection> current(long accountId) {
    return byAccount(accountId, LockModeType.NONE);
  }

  private Optional<LivestormConnection> byAccount(long accountId, LockModeType lock) {
    return em.createNamedQuery("LivestormConnection.byAccount", LivestormConnection.class)
        .setParameter("accountId", accountId)
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private void record(LivestormConnection connection, Kind kind, String cause) {
    em.persist(
        new ConnectionEvent(connection.id(), connection.accountId(), clock.instant(), kind, cause));
  }
}
