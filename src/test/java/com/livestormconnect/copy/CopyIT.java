package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.account.SignUpForm;
import com.livestormconnect.copy.CopyChanged.Change;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Resources;
import com.livestormconnect.livestorm.SandboxGrant;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.livestorm.UpdatedWindow;
import com.livestormconnect.token.LivestormIdentity;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.Scope;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The copy in the container on Derby: changes are announced once and only after commit, the copy
 * goes with the connection, and a backfill through the sandbox leaves a copy equal, field by field,
 * to what the sandbox answers.
 */
@ExtendWith(ArquillianExtension.class)
class CopyIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(CopyIT.class, ChangeLog.class, SandboxGrant.class);
  }

  @Inject AccountStore accounts;

  @Inject TokenStore tokens;

  @Inject Changes changes;

  @Inject LocalCopy copy;

  @Inject Sync sync;

  @Inject SyncSchedule schedule;

  @Inject ChangeLog log;

  @Inject LivestormClient client;

  @Resource UserTransaction transaction;

  private static URI appBase() {
    return URI.create(System.getProperty("APP_BASE_URL"));
  }

  private long connected(String scopes) throws Exception {
    long accountId =
        accounts
            .create(
                SignUpForm.of(
                    "copy-" + UUID.randomUUID().toString().substring(0, 8),
                    "a long enough password"))
            .getId();
    var response = SandboxGrant.obtain(appBase(), scopes).toSuccessResponse();
    tokens.save(
        accountId,
        tokens.connectionIdFor(accountId),
        Scope.parse(scopes),
        TokenSet.from(response, Scope.parse(scopes), Instant.now()),
        LivestormIdentity.UNKNOWN);
    return accountId;
  }

  private static JsonObject person(String id, String session, long updatedAt, boolean attended) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", "people")
        .add(
            "attributes",
            Json.createObjectBuilder()
                .add("first_name", "Grace")
                .add("email", "grace@example.com")
                .add("updated_at", updatedAt)
                .add(
                    "registrant_detail",
                    Json.createObjectBuilder()
                        .add("session_id", session)
                        .add("attended", attended)
                        .add("created_at", 1_700_000_000)))
        .build();
  }

  @Test
  void changesAreAnnouncedOnceAndOnlyAfterCommit() throws Exception {
    long accountId = connected("events:read");
    assertEquals(Applied.CREATED, changes.apply(accountId, "people", person("p", "s", 10, false)));
    // The same change delivered again (a webhook three times, then the sync): no new announcement.
    assertEquals(
        Applied.UNCHANGED, changes.apply(accountId, "people", person("p", "s", 10, false)));
    assertEquals(
        Applied.UNCHANGED, changes.apply(accountId, "people", person("p", "s", 10, false)));
    assertEquals(Applied.OLDER, changes.apply(accountId, "people", person("p", "s", 5, true)));
    assertEquals(1, log.of(accountId).size());

    transaction.begin();
    assertEquals(Applied.UPDATED, changes.apply(accountId, "people", person("p", "s", 20, true)));
    assertEquals(1, log.of(accountId).size(), "not announced before the commit");
    transaction.rollback();
    assertEquals(1, log.of(accountId).size(), "a rolled-back change is never announced");

    transaction.begin();
    assertEquals(Applied.UPDATED, changes.apply(accountId, "people", person("p", "s", 20, true)));
    transaction.commit();
    List<CopyChanged> seen = log.of(accountId);
    assertEquals(2, seen.size());
    assertEquals(Change.UPDATED, seen.get(1).change());
    assertTrue(seen.get(1).fields().contains("registrant_detail.attended"), seen.get(1).toString());

    assertEquals(
        Applied.REFUSED,
        changes.apply(accountId, "people", person("x".repeat(100_000), "s", 1, true)));
  }

  @Test
  void theCopyGoesWithTheConnection() throws Exception {
    long accountId = connected("events:read");
    changes.apply(accountId, "people", person("p", "s", 10, false));
    changes.markStale(accountId, com.livestormconnect.copy.Scope.people("s"));
    assertTrue(copy.status(accountId).exists());
    tokens.delete(accountId, "test disconnection");
    assertTrue(!copy.status(accountId).exists(), "no copy left");
    assertEquals(
        Applied.NOT_CONNECTED, changes.apply(accountId, "people", person("p", "s", 11, false)));
  }

  /**
   * The sandbox's demo organization (40 events, 300 sessions, 20,000 registrations) backfilled,
   * then compared with the sandbox's own answers: every event, every event's sessions, and the
   * people of the largest session and two others. Prints the calls spent and the time taken.
   */
  @Test
  void aBackfillCopiesTheSandboxAsItAnswers() throws Exception {
    SandboxControl sandbox = new SandboxControl(appBase());
    sandbox.monthlyQuotaLeft(10_000);
    long accountId = connected("identity:read events:read");
    Instant started = Instant.now();
    sync.backfillAgain(accountId);
    CopyStatus status = copy.status(accountId);
    while (!status.backfillDone() && Duration.between(started, Instant.now()).toMinutes() < 8) {
      schedule.tickNow();
      Thread.sleep(1000);
      status = copy.status(accountId);
    }
    Duration took = Duration.between(started, Instant.now());
    System.out.printf(
        "Backfill: %d calls, %d lists, %s (problem: %s, paused: %s)%n",
        status.calls(), status.scopesDone(), took, status.problem(), status.pauseReason());
    assertTrue(status.backfillDone(), () -> "backfill not done: " + copy.status(accountId));

    Access live = Access.of(accountId);
    List<Event> events =
        all(p -> client.eventResources(live, UpdatedWindow.ALL, p, 50)).stream()
            .map(Resources::event)
            .sorted(Comparator.comparing(Event::id))
            .toList();
    List<Event> copied =
        copy.events(accountId, EventFilter.ALL, 0, 1000).orElseThrow().items().stream()
            .sorted(Comparator.comparing(Event::id))
            .toList();
    assertEquals(events, copied);

    Session largest = null;
    List<Session> some = new ArrayList<>();
    for (Event event : events) {
      List<Session> sessions =
          all(p -> client.eventSessionResources(live, event.id(), UpdatedWindow.ALL, p, 50))
              .stream()
              .map(Resources::session)
              .sorted(Comparator.comparing(Session::id))
              .toList();
      List<Session> held =
          copy.sessions(accountId, event.id()).orElseThrow().value().stream()
              .sorted(Comparator.comparing(Session::id))
              .toList();
      assertEquals(sessions, held, event.id());
      for (Session s : sessions) {
        if (largest == null || s.registrantsCount() > largest.registrantsCount()) {
          largest = s;
        }
        if (some.size() < 2 && s.registrantsCount() > 0) {
          some.add(s);
        }
      }
    }
    some.add(largest);
    for (Session session : some) {
      List<Person> people =
          all(p -> client.sessionPeopleResources(live, session.id(), UpdatedWindow.ALL, p, 50))
              .stream()
              .map(Resources::person)
              .sorted(Comparator.comparing(Person::id))
              .toList();
      List<Person> held =
          copy
              .people(accountId, session.id(), PeopleQuery.all(0, 1000))
              .orElseThrow()
              .items()
              .stream()
              .sorted(Comparator.comparing(Person::id))
              .toList();
      if (people.size() <= 1000) {
        assertEquals(people, held, session.id());
      } else {
        assertEquals(
            people.size(),
            copy.people(accountId, session.id(), PeopleQuery.all(0, 10)).orElseThrow().total());
        assertTrue(people.containsAll(held), session.id());
      }
    }
    assertTrue(copy.me(accountId).isPresent(), "the connected user is copied");
  }

  private static List<JsonObject> all(IntFunction<Page<JsonObject>> fetch) {
    List<JsonObject> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      Page<JsonObject> answer = fetch.apply(page);
      items.addAll(answer.items());
      if (answer.meta().isLast()
          || answer.items().isEmpty()
          || page + 1 >= answer.meta().pageCount()) {
        return items;
      }
    }
  }
}
