package com.livestormconnect.copy;

import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Resources;
import com.livestormconnect.livestorm.UpdatedWindow;
import com.livestormconnect.livestorm.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * Re-reads one list of the copy from Livestorm now, in full, because a person asked for it (a
 * page's "refresh" button): every page is read with the person's own priority, each page's rows are
 * committed as they come, and only once the last page is read are rows Livestorm no longer lists
 * removed and the list marked complete "as of" the moment the read began (a change made meanwhile
 * may be missed by this read, never claimed). A read that fails part-way keeps what the copy held
 * and leaves the list as it was.
 */
@ApplicationScoped
public class Refresh {
  @Inject LivestormClient client;

  @Inject RefreshWrites writes;

  @Inject Clock clock;

  /** Reads {@code scope} in full; a {@code LivestormException} when Livestorm did not answer. */
  public Refreshed scope(long accountId, Scope scope) {
    Access access = Access.of(accountId);
    int size = LivestormClient.MAX_PAGE_SIZE;
    IntFunction<Page<JsonObject>> fetch =
        switch (scope.kind()) {
          case EVENTS -> n -> client.eventResources(access, UpdatedWindow.ALL, n, size);
          case SESSIONS ->
              n ->
                  client.eventSessionResources(
                      access, scope.parentId(), UpdatedWindow.ALL, n, size);
          case PEOPLE ->
              n ->
                  client.sessionPeopleResources(
                      access, scope.parentId(), UpdatedWindow.ALL, n, size);
        };
    Instant started = clock.instant();
    long read = 0;
    int calls = 0;
    for (int number = 0; ; number++) {
      Page<JsonObject> page = fetch.apply(number);
      calls++;
      read += page.items().size();
      writes.rows(accountId, scope, page.items());
      if (page.meta().isLast() || page.items().isEmpty()) {
        break;
      }
    }
    int removed = writes.complete(accountId, scope, started, calls);
    return new Refreshed(read, removed, started);
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
