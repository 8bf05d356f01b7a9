package com.livestormconnect.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.livestormconnect.config.LivestormSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out usable access tokens, refreshing them shortly before they expire. A refresh is
 * single-flight: threads of this node queue on a lock per account (so they don't all hold database
 * connections while waiting), and nodes serialize on the connection's row lock in {@link
 * TokenRotation}, which also notices when someone else already rotated. A refresh made here is told
 * with {@link ConnectionRefreshed}.
 */
@ApplicationScoped
public class TokenRefresh {
  @Inject TokenStore store;

  @Inject TokenCipher cipher;

  @Inject TokenRotation rotation;

  @Inject LivestormSettings settings;

  @Inject Clock clock;

  @Inject Event<ConnectionRefreshed> refreshed;

  /**
   * One lock per account, kept only while a thread holds or waits for it (weak values): a lock
   * nobody references has nothing to order, so the map is bounded by the threads refreshing now
   * rather than by every account ever seen. A size or time bound could drop a lock still held and
   * let a second refresh of the same account start beside the first on this node.
   */
  private final Cache<Long, ReentrantLock> locks =
      Caffeine.newBuilder().weakValues().executor(Runnable::run).build();

  /** A token for the account's connection, refreshed first if it expires within the margin. */
  public FreshToken current(long accountId) {
    // Read in a transaction of its own (see TokenStore.current), never with a bare EntityManager:
    // this runs on request threads and on managed executor threads alike (a page's parallel calls,
    // exports), where Payara would share and close the submitting request's non-transactional
    // EntityManager. No transaction stays open during a refresh.
    LivestormConnection connection =
        store
            .current(accountId)
            .orElseThrow(
                () ->
                    new TokenUnavailable(
                        TokenUnavailable.Reason.NOT_CONNECTED,
                        "no Livestorm connection for this account"));
    if (connection.status() == ConnectionStatus.NEEDS_RECONNECT) {
      throw new TokenUnavailable(
          TokenUnavailable.Reason.NEEDS_RECONNECT, "the Livestorm connection needs reconnecting");
    }
    TokenSet tokens = connection.tokens(cipher);
    if (isDue(
        tokens.expiresAt(),
        connection.accessLifetime(),
        settings.refreshMargin(),
        clock.instant())) {
      return refresh(accountId, tokens.accessToken().getValue());
    }
    return TokenRotation.fresh(connection, tokens);
  }

  /**
   * Replaces {@code staleAccessToken} (expiring, or just rejected with 401) by a new one, unless
   * another thread or node already did: then that one is returned.
   */
  public FreshToken refresh(long accountId, String staleAccessToken) {
    ReentrantLock lock = locks.get(accountId, id -> new ReentrantLock(true));
    lock.lock();
    try {
      TokenRotation.Result result = rotation.rotate(accountId, staleAccessToken);
      if (result instanceof TokenRotation.Rotated rotated) {
        if (rotated.byUs()) {
          // The rotation's transaction (REQUIRES_NEW) has committed by now.
          refreshed.fire(new ConnectionRefreshed(accountId, rotated.token().connectionId()));
        }
        return rotated.token();
      }
      if (result instanceof TokenRotation.Refused refused) {
        throw new TokenUnavailable(
            TokenUnavailable.Reason.NEEDS_RECONNECT, refused.cause(), refused.connectionId());
      }
      TokenRotation.Failed failed = (TokenRotation.Failed) result;
      throw new TokenUnavailable(
          TokenUnavailable.Reason.REFRESH_FAILED, failed.cause(), failed.connectionId());
    } finally {
      lock.unlock();
    }
  }

  /** Locks kept now, for the bound's test. */
  long locksKept() {
    locks.cleanUp();
    return locks.estimatedSize();
  }

  /**
   * Due when the token expires within the margin; the margin is LIVESTORM_REFRESH_MARGIN but never
   * more than a tenth of the token's own lifetime, so a short-lived token isn't refreshed on every
   * call.
   */
  static boolean isDue(
      Instant expiresAt, Duration lifetime, Duration configuredMargin, Instant now) {
    if (expiresAt == null) {
      return false;
    }
    Duration margin = configuredMargin;
    if (lifetime != null && !lifetime.isNegative()) {
      Duration tenth = lifetime.dividedBy(10);
      if (tenth.compareTo(margin) < 0) {
        margin = tenth;
      }
    }
    return !now.plus(margin).isBefore(expiresAt);
  }
}
