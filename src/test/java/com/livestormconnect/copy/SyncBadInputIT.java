package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.account.SignUpForm;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.SandboxGrant;
import com.livestormconnect.token.LivestormIdentity;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.Scope;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Answers the copy cannot trust (cut off, one row short, a {@code record_count} that disagrees, an
 * id of 100,000 characters): the sync records the problem where the connection and admin pages show
 * it ({@link LocalCopy#status}), keeps the list's last good rows, and goes on with the next list.
 */
@ExtendWith(ArquillianExtension.class)
class SyncBadInputIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(SyncBadInputIT.class, DueLists.class, SandboxGrant.class);
  }

  @Inject AccountStore accounts;

  @Inject TokenStore tokens;

  @Inject LocalCopy copy;

  @Inject Changes changes;

  @Inject Sync sync;

  @Inject SyncSchedule schedule;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /** Made in the test: the property is the container's, not the client's. */
  private SandboxControl sandbox;

  private static final String PASSWORD = "a long enough password";

  /** The test account's user name. */
  private String username;

  @Test
  void aBadAnswerIsRecordedTheListKeepsItsRowsAndTheNextListIsRead() throws Exception {
    sandbox = new SandboxControl(URI.create(System.getProperty("APP_BASE_URL")));
    sandbox.monthlyQuotaLeft(1_000_000);
    long accountId = connected("identity:read events:read");
    sync.backfillAgain(accountId);
    untilNothingDue(accountId, Duration.ofMinutes(8));
    assertTrue(copy.status(accountId).backfillDone(), () -> "" + copy.status(accountId));
    Deque<String> small = smallUpcomingSessions(sandbox.dump());

    for (String kind : List.of("malformed", "shrunk", "record_count", "long_id")) {
      String spoilt = small.pop();
      String next = small.pop();
      Map<String, String> before = people(accountId, spoilt);
      sandbox.register(spoilt, 2);
      int added = sandbox.register(next, 2).getJsonArray("people").size();
      int nextBefore = people(accountId, next).size();

      sandbox.badAnswers(kind, 1, "sessions/" + spoilt + "/people");
      changes.markStale(accountId, com.livestormconnect.copy.Scope.people(spoilt));
      changes.markStale(accountId, com.livestormconnect.copy.Scope.people(next));
      Instant marked = Instant.now();
      // Marks are batched (read STALE_DELAY later): let that delay pass here.
      DueLists.intervalElapsed(dataSource, accountId, Changes.STALE_DELAY);
      untilNothingDue(accountId, Duration.ofMinutes(2));

      CopyStatus status = copy.status(accountId);
      assertNotNull(status.problem(), kind + ": no problem recorded: " + status);
      assertTrue(
          status.problemAt() != null && !status.problemAt().isBefore(marked.minusSeconds(1)),
          kind + ": the problem is an older one: " + status);
      String problem = listProblem(accountId, spoilt, marked);
      assertNotNull(problem, kind + ": no problem recorded for the spoilt list");
      System.out.printf("SyncBadInputIT %s: problem recorded: %s%n", kind, problem);
      Map<String, String> after = people(accountId, spoilt);
      // No row lost to an answer that cannot be trusted (the rows of a page that could be read
      // may be applied, newest wins), and nothing the copy cannot keep.
      assertTrue(
          after.keySet().containsAll(before.keySet()), kind + ": the last good rows are kept");
      assertTrue(
          after.keySet().stream().allMatch(id -> id.length() <= 200), kind + ": a 100,000-char id");
      if (kind.equals("malformed")) {
        assertEquals(before, after, kind + ": nothing of a malformed answer is kept");
      }
      assertEquals(
          nextBefore + added, people(accountId, next).size(), kind + ": the next list is read");
    }

    // Where people see it: the connection page and the admin page show the last problem.
    String shown = html(copy.status(accountId).problem());
    assertTrue(
        page(username, PASSWORD, "/connection").contains(shown),
        "the connection page shows " + shown);
    browser().signUp("it-admin", PASSWORD);
    assertTrue(
        page("it-admin", PASSWORD, "/admin/connections").contains(shown),
        "the admin page shows " + shown);
  }

  /** The page signed in as {@code username}. */
  private static String page(String username, String password, String path) {
    Browser browser = browser();
    browser.get("/login");
    assertEquals(
        303,
        browser.post("/login", Map.of("username", username, "password", password)).statusCode());
    HttpResponse<String> answer = browser.get(path);
    assertEquals(200, answer.statusCode(), path);
    return answer.body();
  }

  /** A browser of the app (in the container, the client's default address is not known). */
  private static Browser browser() {
    return new Browser(URI.create(System.getProperty("APP_BASE_URL")));
  }

  /** As Thymeleaf writes text into HTML. */
  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** Upcoming sessions with a few people (one page), not breakout rooms. */
  private static Deque<String> smallUpcomingSessions(JsonObject dump) {
    Deque<String> ids = new ArrayDeque<>();
    JsonObject people = dump.getJsonObject("people");
    for (JsonObject s : dump.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
      JsonObject a = s.getJsonObject("attributes");
      int count =
          people.containsKey(s.getString("id")) ? people.getJsonArray(s.getString("id")).size() : 0;
      if ("upcoming".equals(a.getString("status", null))
          && a.isNull("breakout_room_parent_session_id")
          && count >= 2
          && count <= 40) {
        ids.add(s.getString("id"));
      }
    }
    assertTrue(ids.size() >= 8, "the demo has small upcoming sessions: " + ids);
    return ids;
  }

  /** The problem the session's people list recorded at {@code since} or later; null if none. */
  private String listProblem(long accountId, String sessionId, Instant since) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT problem FROM copy_scope WHERE account_id = ? AND scope_key = ?"
                    + " AND problem_at >= ?")) {
      s.setLong(1, accountId);
      s.setString(2, com.livestormconnect.copy.Scope.people(sessionId).key());
      s.setLong(3, since.minusSeconds(1).toEpochMilli());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** The copy's rows of a session's people: id to the resource as stored. */
  private Map<String, String> people(long accountId, String sessionId) throws Exception {
    Map<String, String> rows = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, resource FROM copy_person WHERE account_id = ? AND session_id = ?")) {
      s.setLong(1, accountId);
      s.setString(2, sessionId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), r.getString(2));
        }
      }
    }
    return rows;
  }

  /** Ticks the schedule until no list of the account is due or being read. */
  private void untilNothingDue(long accountId, Duration atMost) throws Exception {
    Instant end = Instant.now().plus(atMost);
    int quiet = 0;
    while (quiet < 2) {
      assertTrue(Instant.now().isBefore(end), () -> "still reading: " + copy.status(accountId));
      schedule.tickNow();
      Thread.sleep(500);
      quiet = DueLists.count(dataSource, accountId) == 0 ? quiet + 1 : 0;
    }
  }

  private long connected(String scopes) throws Exception {
    username = "bad-input-" + UUID.randomUUID().toString().substring(0, 8);
    long accountId = accounts.create(SignUpForm.of(username, PASSWORD)).getId();
    var response =
        SandboxGrant.obtain(URI.create(System.getProperty("APP_BASE_URL")), scopes)
            .toSuccessResponse();
    tokens.save(
        accountId,
        tokens.connectionIdFor(accountId),
        Scope.parse(scopes),
        TokenSet.from(response, Scope.parse(scopes), Instant.now()),
        LivestormIdentity.UNKNOWN);
    return accountId;
  }
}
