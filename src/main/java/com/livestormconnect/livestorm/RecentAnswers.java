package com.livestormconnect.livestorm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.livestormconnect.config.Settings;
import com.livestormconnect.token.ConnectionRemoved;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Livestorm's recent answers, per connection, so that a page viewed again within {@code
 * LIVESTORM_CACHE_TTL} (default 30 s, 0 = off) costs neither a wait nor calls from the monthly
 * quota. Bounded (Caffeine, {@value #MAX_ENTRIES} entries, expired after the TTL). An answer is
 * only ever found again under the same account and connection (its id, its Livestorm user and its
 * scopes are in the key); every write the app makes through {@link LivestormClient} and every
 * disconnection forgets the account's answers. Exports never go through here: they read live.
 */
@ApplicationScoped
public class RecentAnswers {
  static final int MAX_ENTRIES = 2_000;

  /** Whose answers: the app's account and what its connection is. */
  public record Owner(long accountId, String connection) {}

  /** An answer and when Livestorm gave it. */
  public record Answer(Object value, Instant fetchedAt) {}

  private record Key(Owner owner, String call) {}

  @Inject Settings settings;

  private Cache<Key, Answer> cache;

  /** For CDI. */
  protected RecentAnswers() {}

  RecentAnswers(Duration ttl) {
    configure(ttl);
  }

  @PostConstruct
  void init() {
    configure(settings.livestormCacheTtl());
  }

  private void configure(Duration ttl) {
    cache =
        ttl.isZero()
            ? null
            : Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).build();
  }

  public boolean enabled() {
    return cache != null;
  }

  /** The answer to {@code call} that {@code owner} got within the TTL, if any. */
  public Optional<Answer> find(Owner owner, String call) {
    return cache == null
        ? Optional.empty()
        : Optional.ofNullable(cache.getIfPresent(new Key(owner, call)));
  }

  /** Keeps Livestorm's answer to {@code call}, given at {@code fetchedAt}. */
  public void keep(Owner owner, String call, Object value, Instant fetchedAt) {
    if (cache != null && value != null) {
      cache.put(new Key(owner, call), new Answer(value, fetchedAt));
    }
  }

  /** Forgets every answer of the account: it wrote to Livestorm, or it disconnected. */
  public void forget(long accountId) {
    if (cache != null) {
      cache.asMap().keySet().removeIf(key -> key.owner().accountId() == accountId);
    }
  }

  /** After the deletion committed: a rolled-back disconnection leaves the answers in place. */
  void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionRemoved removed) {
    forget(removed.accountId());
  }

  /** Entries kept now (after {@link #cleanUp}), for the bound's test. */
  long size() {
    return cache == null ? 0 : cache.estimatedSize();
  }

  void cleanUp() {
    if (cache != null) {
      cache.cleanUp();
    }
  }
}
