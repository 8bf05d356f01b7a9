package com.livestormconnect.copy;

import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Resources;
import com.livestormconnect.livestorm.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What a person's "refresh" re-reads now: one list of the copy (through the sync's own full read,
 * {@link Sync#refreshAsked}, so there is one way of reading a list), the organization and the
 * connected user. Every read has the person's own priority.
 */
@ApplicationScoped
public class Refresh {
  @Inject LivestormClient client;

  @Inject RefreshWrites writes;

  @Inject Sync sync;

  @Inject Clock clock;

  /**
   * Reads {@code scope} in full (the sync's own full read, with the person's priority); empty when
   * the list did not read as Livestorm announced it; a {@code LivestormException} when Livestorm
   * did not answer.
   */
  public Optional<Refreshed> scope(long accountId, Scope scope) {
    return sync.refreshAsked(accountId, scope);
  }

  /** Reads the organization into the copy. */
  public Instant organization(long accountId) {
    Instant started = clock.instant();
    JsonObject organization = client.organizationResource(Access.of(accountId));
    writes.organization(accountId, "resource", organization, started);
    return started;
  }

  /** Reads the connected user ({@code /me}: name and e-mail) into the copy. */
  public User me(long accountId) {
    Instant started = clock.instant();
    JsonObject me = client.meResource(Access.of(accountId));
    writes.organization(accountId, "me_resource", me, started);
    return Resources.user(me);
  }
}
