package com.livestormconnect.token;

import com.livestormconnect.token.ConnectionEvent.Kind;
import com.nimbusds.oauth2.sdk.Scope;
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
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Loads, saves and deletes each account's connection, and records what happened in the same
 * transaction, so the audit trail never disagrees with the row. Tokens are encrypted on every save
 * with the current key, which is also how values written under a retired key get re-encrypted.
 */
@ApplicationScoped
public class TokenStore {
  private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());

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

  /**
   * Every connection, oldest first, for administrators and background checks. Nothing is decrypted.
   * In a transaction, like every read here: on Payara a managed task closes the non-transactional
   * EntityManager when it ends, and the next run's read would then fail.
   */
  @Transactional
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
   * Stores the tokens of a new authorization, the scopes the user asked for and who they act for,
   * in one write: creates the account's connection (with {@code connectionId}, from {@link
   * #connectionIdFor}) or replaces the previous one (keeping its id), status CONNECTED.
   */
  @Transactional
  public ConnectionSummary save(
      long accountId,
      String connectionId,
      Scope requested,
      TokenSet tokens,
      LivestormIdentity identity) {
    Instant now = clock.instant();
    LivestormConnection connection =
        byAccount(accountId, LockModeType.PESSIMISTIC_WRITE)
            .orElseGet(() -> new LivestormConnection(connectionId, accountId, now));
    boolean replacing = em.contains(connection);
    connection.authorized(requested, tokens, identity, cipher, now);
    if (!replacing) {
      em.persist(connection);
    }
    record(
        connection,
        Kind.CONNECTED,
        (replacing ? "reconnected" : "connected")
            + " with scope "
            + tokens.scope()
            + (requested == null || requested.equals(tokens.scope())
                ? ""
                : " (asked for " + requested + ")"));
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
        .map(connection -> remove(connection, cause));
  }

  /**
   * Deletes the account's connection after {@code revoke} has dealt with its tokens (empty when
   * they cannot be decrypted), all under the row lock: a refresh on any node either committed its
   * new tokens before (and {@code revoke} gets those) or waits and then finds no connection, so no
   * refreshed token outlives the disconnection. {@code revoke} runs inside the transaction, as a
   * refresh's call to the token endpoint does; whatever it returns, the row goes, with {@code
   * cause}'s account of it in the audit trail. Empty when there was no connection.
   */
  @Transactional
  public <R> Optional<R> delete(
      long accountId, Function<Optional<TokenSet>, R> revoke, Function<R, String> cause) {
    return byAccount(accountId, LockModeType.PESSIMISTIC_WRITE)
        .map(
            connection -> {
              Optional<TokenSet> tokens;
              try {
                tokens = Optional.of(connection.tokens(cipher));
              } catch (TokenCipher.Undecryptable e) {
                LOG.warning(
                    () ->
                        "Connection "
                            + connection.id()
                            + ": stored tokens unreadable ("
                            + e.getMessage()
                            + ")");
                tokens = Optional.empty();
              }
              R outcome = revoke.apply(tokens);
              remove(connection, cause.apply(outcome));
              return outcome;
            });
  }

  private ConnectionSummary remove(LivestormConnection connection, String cause) {
    ConnectionSummary gone = connection.summary();
    em.remove(connection);
    record(connection, Kind.DISCONNECTED, cause);
    em.flush();
    removed.fire(new ConnectionRemoved(connection.accountId(), gone.id()));
    return gone;
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
