package com.livestormconnect.sandbox;

import static com.livestormconnect.sandbox.OAuthDance.CLIENT_ID;
import static com.livestormconnect.sandbox.OAuthDance.SECRET;
import static com.livestormconnect.sandbox.OAuthDance.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's API v1 over HTTP: JSON:API shapes, pagination, scopes, limits, writes, controls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxApiIT {
  private static final Set<String> RATE_HEADERS =
      Set.of(
          "RateLimit-Interval-Limit",
          "RateLimit-Interval-Remaining",
          "RateLimit-Monthly-Limit",
          "RateLimit-Monthly-Remaining",
          "RateLimit-Reset");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app(SandboxApiIT.class, OAuthDance.class);
  }

  private final OAuthDance dance = new OAuthDance(new Browser());

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static Map<String, Object> attributes(Map<String, Object> resource) {
    return map(resource.get("attributes"));
  }

  /** The seeded session with over 5,000 registrants (it is the first session). */
  private String largeSessionId(String token) {
    return list(json(dance.api("/sessions?page[size]=50", token)).get("data")).stream()
        .filter(s -> ((Number) attributes(s).get("registrants_count")).intValue() >= 5_000)
        .map(s -> (String) s.get("id"))
        .findFirst()
        .orElseThrow();
  }

  private String someOtherSessionId(String token) {
    return list(json(dance.api("/sessions?filter[status]=upcoming", token)).get("data"))
        .get(0)
        .get("id")
        .toString();
  }

  @Test
  void pingAnswersJsonApiWithTheRateLimitHeaders() {
    HttpResponse<String> response = dance.api("/ping", dance.accessToken("identity:read"));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "application/vnd.api+json", response.headers().firstValue("Content-Type").orElse(null));
    RATE_HEADERS.forEach(h -> assertTrue(response.headers().firstValue(h).isPresent(), h));
    assertEquals("5", response.headers().firstValue("RateLimit-Interval-Limit").orElse(null));
    assertEquals("10000", response.headers().firstValue("RateLimit-Monthly-Limit").orElse(null));
  }

  @Test
  void missingOrUnknownTokenIs401WithDoorkeepersHeader() {
    HttpResponse<String> missing =
        OAuthDance.send(dance.request("/sandbox/api/v1/events").GET().build());
    assertEquals(401, missing.statusCode());
    assertEquals(
        "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
        missing.headers().firstValue("WWW-Authenticate").orElse(null));
    RATE_HEADERS.forEach(h -> assertTrue(missing.headers().firstValue(h).isPresent(), h));
    assertEquals(401, dance.api("/ping", "not-a-token").statusCode());
  }

  @Test
  void revokedTokenIs401Revoked() {
    String token = dance.accessToken("events:read");
    assertEquals(200, dance.api("/ping", token).statusCode());
    dance.browser.postRaw(
        "/sandbox/oauth/revoke",
        Map.of("token", token, "client_id", CLIENT_ID, "client_secret", SECRET));
    HttpResponse<String> response = dance.api("/ping", token);
    assertEquals(401, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("WWW-Authenticate")
            .orElse("")
            .contains("The access token was revoked"));
  }

  @Test
  void expiredTokenIs401ExpiredAndRefreshStillWorks() {
    Map<String, Object> tokens = dance.tokens("events:read");
    // Moving the sandbox clock is safe for other tests: each gets fresh tokens after this.
    new SandboxControl(dance.browser.base()).advanceClock(7201);
    HttpResponse<String> response = dance.api("/ping", (String) tokens.get("access_token"));
    assertEquals(401, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("WWW-Authenticate")
            .orElse("")
            .contains("The access token expired"));
    HttpResponse<String> refreshed = dance.refresh((String) tokens.get("refresh_token"));
    assertEquals(200, refreshed.statusCode());
    assertEquals(
        200, dance.api("/ping", (String) json(refreshed).get("access_token")).statusCode());
  }

  @Test
  void oldRefreshTokenIsRevokedWhenTheNewAccessTokenIsFirstUsed() {
    Map<String, Object> first = dance.tokens("events:read");
    String oldRefresh = (String) first.get("refresh_token");
    Map<String, Object> second = json(dance.refresh(oldRefresh));
    Map<String, Object> third = json(dance.refresh(oldRefresh));
    assertNotNull(
        third.get("access_token"), "the old refresh token stays valid until the new pair is used");
    assertEquals(200, dance.api("/ping", (String) third.get("access_token")).statusCode());
    HttpResponse<String> reuse = dance.refresh(oldRefresh);
    assertEquals(400, reuse.statusCode());
    assertEquals("invalid_grant", json(reuse).get("error"));
    assertEquals(401, dance.api("/ping", (String) first.get("access_token")).statusCode());
    assertEquals(200, dance.api("/ping", (String) second.get("access_token")).statusCode());
  }

  @Test
  void validTokenWithoutTheScopeIs403() {
    String identity = dance.accessToken("identity:read");
    HttpResponse<String> events = dance.api("/events", identity);
    assertEquals(403, events.statusCode());
    assertTrue(
        events
            .headers()
            .firstValue("WWW-Authenticate")
            .orElse("")
            .contains("error=\"insufficient_scope\""));
    assertEquals(403, dance.api("/users", identity).statusCode());
    assertEquals(200, dance.api("/me", identity).statusCode());
    String webhooksRead = dance.accessToken("webhooks:read");
    assertEquals(200, dance.api("/webhooks", webhooksRead).statusCode());
    assertEquals(403, dance.api("POST", "/webhooks", webhooksRead, webhookJson()).statusCode());
    String admin = dance.accessToken("admin:read");
    assertEquals(200, dance.api("/organization", admin).statusCode());
    assertEquals(403, dance.api("/me", admin).statusCode());
    String eventsRead = dance.accessToken("events:read");
    assertEquals(
        403,
        dance
            .api(
                "POST",
                "/events",
                eventsRead,
                "{\"data\":{\"type\":\"events\",\"attributes\":{\"title\":\"x\"}}}")
            .statusCode());
  }

  @Test
  void firstPageHasTheDefaultSizeAndAllSixMetaKeys() {
    String token = dance.accessToken("events:read");
    Map<String, Object> page =
        json(dance.api("/sessions/" + largeSessionId(token) + "/people", token));
    Map<String, Object> meta = map(page.get("meta"));
    assertEquals(
        Set.of(
            "current_page",
            "previous_page",
            "next_page",
            "record_count",
            "page_count",
            "items_per_page"),
        meta.keySet());
    assertEquals(20, list(page.get("data")).size());
    assertEquals(0, ((Number) meta.get("current_page")).intValue());
    assertNull(meta.get("previous_page"));
    assertEquals(1, ((Number) meta.get("next_page")).intValue());
    assertEquals(20, ((Number) meta.get("items_per_page")).intValue());
    int records = ((Number) meta.get("record_count")).intValue();
    assertTrue(records >= 5_000);
    assertEquals((records + 19) / 20, ((Number) meta.get("page_count")).intValue());
  }

  @Test
  void pageSizeIsClampedTo50AndTheLastPageHasNoNext() {
    String token = dance.accessToken("events:read");
    String session = largeSessionId(token);
    Map<String, Object> first =
        json(dance.api("/sessions/" + session + "/people?page[size]=500", token));
    assertEquals(50, list(first.get("data")).size());
    Map<String, Object> meta = map(first.get("meta"));
    assertEquals(50, ((Number) meta.get("items_per_page")).intValue());
    int pages = ((Number) meta.get("page_count")).intValue();
    int records = ((Number) meta.get("record_count")).intValue();
    Map<String, Object> last =
        json(
            dance.api(
                "/sessions/" + session + "/people?page[size]=50&page[number]=" + (pages - 1),
                token));
    Map<String, Object> lastMeta = map(last.get("meta"));
    assertNull(lastMeta.get("next_page"));
    assertEquals(pages - 2, ((Number) lastMeta.get("previous_page")).intValue());
    assertEquals(records - 50 * (pages - 1), list(last.get("data")).size());
    // Livestorm documents a page number that does not exist as a 400 (pagination page).
    HttpResponse<String> beyond =
        dance.api("/sessions/" + session + "/people?page[size]=50&page[number]=" + pages, token);
    assertEquals(400, beyond.statusCode());
    assertTrue(beyond.body().contains("\"errors\""), beyond.body());
    assertEquals(
        400,
        dance.api("/sessions/" + session + "/people?page[number]=" + 100_000, token).statusCode());
    assertEquals(
        400, dance.api("/sessions/" + session + "/people?page[size]=abc", token).statusCode());
  }

  @Test
  void attendedFilterReturnsOnlyAttendeesWithEngagement() {
    String token = dance.accessToken("events:read");
    String attendees =
        "/sessions/" + largeSessionId(token) + "/people?filter[attended]=true&page[size]=50";
    List<Map<String, Object>> people = list(json(dance.api(attendees, token)).get("data"));
    assertEquals(50, people.size());
    for (Map<String, Object> person : people) {
      Map<String, Object> detail = map(attributes(person).get("registrant_detail"));
      assertEquals(Boolean.TRUE, detail.get("attended"));
      assertTrue(((Number) detail.get("attendance_duration")).intValue() > 0);
    }
    // Livestorm's ids are random (version 4) UUIDs in their canonical lower-case form, one per
    // person, and the same person keeps the same id from one request to the next.
    List<String> ids = people.stream().map(p -> (String) p.get("id")).toList();
    for (String id : ids) {
      UUID uuid = UUID.fromString(id);
      assertEquals(uuid.toString(), id, "canonical form");
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
    }
    assertEquals(ids.size(), Set.copyOf(ids).size(), "one id per person: " + ids);
    assertEquals(
        ids,
        list(json(dance.api(attendees, token)).get("data")).stream()
            .map(p -> (String) p.get("id"))
            .toList(),
        "the same ids, in the same order, the second time");
    List<String> nextPage =
        list(json(dance.api(attendees + "&page[number]=1", token)).get("data")).stream()
            .map(p -> (String) p.get("id"))
            .toList();
    assertFalse(nextPage.isEmpty());
    assertTrue(nextPage.stream().noneMatch(ids::contains), "the next page has other people");
  }

  /**
   * Ten calls at once within one sandbox second (the clock stands still, so the machine's speed
   * does not matter): exactly five get through, each told how many are left, and exactly five get a
   * 429 whose Retry-After, once waited out on the sandbox clock, is enough.
   */
  @Test
  void requestsBeyondFivePerSecondGet429WithRetryAfter() {
    String token = dance.accessToken("identity:read");
    SandboxControl control = new SandboxControl(dance.browser.base());
    control.resetStats();
    List<HttpResponse<String>> responses;
    HttpResponse<String> early;
    HttpResponse<String> afterTheWait;
    control.freezeClock(true);
    try {
      ExecutorService threads = Executors.newFixedThreadPool(10);
      try {
        List<CompletableFuture<HttpResponse<String>>> calls =
            IntStream.range(0, 10)
                .mapToObj(
                    i ->
                        CompletableFuture.supplyAsync(
                            () -> dance.apiOnce("GET", "/ping", token, null), threads))
                .toList();
        responses = calls.stream().map(CompletableFuture::join).toList();
      } finally {
        threads.shutdown();
      }
      early = dance.apiOnce("GET", "/ping", token, null);
      control.advanceClock(1);
      afterTheWait = dance.apiOnce("GET", "/ping", token, null);
    } finally {
      control.freezeClock(false);
    }
    List<HttpResponse<String>> ok = responses.stream().filter(r -> r.statusCode() == 200).toList();
    List<HttpResponse<String>> limited =
        responses.stream().filter(r -> r.statusCode() == 429).toList();
    assertEquals(5, ok.size(), ok.size() + " ok, " + limited.size() + " limited");
    assertEquals(5, limited.size(), ok.size() + " ok, " + limited.size() + " limited");
    assertEquals(
        Set.of("0", "1", "2", "3", "4"),
        ok.stream()
            .map(r -> r.headers().firstValue("RateLimit-Interval-Remaining").orElse(null))
            .collect(Collectors.toSet()),
        "each call let through is told how many are left in the second");
    for (HttpResponse<String> r : limited) {
      assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
      assertEquals("0", r.headers().firstValue("RateLimit-Interval-Remaining").orElse(null));
      RATE_HEADERS.forEach(h -> assertTrue(r.headers().firstValue(h).isPresent(), h));
    }
    assertEquals(429, early.statusCode(), "retrying before Retry-After is refused again");
    assertEquals(200, afterTheWait.statusCode(), "Retry-After later, the call goes through");
    assertEquals(
        "4", afterTheWait.headers().firstValue("RateLimit-Interval-Remaining").orElse(null));
    HttpResponse<String> stats = control.get("stats");
    Map<String, Object> tokens = map(json(stats).get("per_token"));
    assertEquals(
        java.util.Set.of("token-1"), tokens.keySet(), "opaque labels, one token since the reset");
    assertEquals(6, ((Number) map(tokens.get("token-1")).get("rate_limited")).intValue());
    assertEquals(12, ((Number) map(tokens.get("token-1")).get("api_requests")).intValue());
    for (int i = 0; i + 6 <= token.length(); i++) {
      assertFalse(
          stats.body().contains(token.substring(i, i + 6)), "no part of the token in the stats");
    }
  }

  @Test
  void eventWritesShowUpInLaterReads() {
    String token = dance.accessToken("events:write");
    String title = "Sandbox IT event " + UUID.randomUUID();
    HttpResponse<String> created =
        dance.api(
            "POST",
            "/events",
            token,
            "{\"data\":{\"type\":\"events\",\"attributes\":{\"title\":\""
                + title
                + "\",\"status\":\"published\"}}}");
    assertEquals(201, created.statusCode(), created.body());
    String id = (String) map(json(created).get("data")).get("id");
    assertEquals(
        title, attributes(map(json(dance.api("/events/" + id, token)).get("data"))).get("title"));
    List<Map<String, Object>> found =
        list(json(dance.api("/events?filter[title]=" + OAuthDance.enc(title), token)).get("data"));
    assertEquals(1, found.size());
    assertEquals("not_scheduled", attributes(found.get(0)).get("scheduling_status"));
    HttpResponse<String> patched =
        dance.api(
            "PATCH",
            "/events/" + id,
            token,
            "{\"data\":{\"type\":\"events\",\"attributes\":{\"title\":\"Renamed\"}}}");
    assertEquals(200, patched.statusCode(), patched.body());
    assertEquals(
        "Renamed",
        attributes(map(json(dance.api("/events/" + id, token)).get("data"))).get("title"));
    assertEquals(204, dance.api("DELETE", "/events/" + id, token, null).statusCode());
    HttpResponse<String> gone = dance.api("/events/" + id, token);
    assertEquals(404, gone.statusCode());
    assertEquals("404", list(json(gone).get("errors")).get(0).get("status"));
  }

  @Test
  void eventWithoutTitleIsRejected() {
    String token = dance.accessToken("events:write");
    assertEquals(
        422,
        dance
            .api("POST", "/events", token, "{\"data\":{\"type\":\"events\",\"attributes\":{}}}")
            .statusCode());
    assertEquals(400, dance.api("POST", "/events", token, "not json").statusCode());
  }

  @Test
  void registrationIsVisibleAndASecondOneIs409() {
    String token = dance.accessToken("events:write");
    String session = someOtherSessionId(token);
    String email = "it-" + UUID.randomUUID() + "@example.com";
    String body =
        "{\"data\":{\"type\":\"people\",\"attributes\":{\"fields\":[{\"id\":\"email\",\"value\":\""
            + email
            + "\"},{\"id\":\"first_name\",\"value\":\"Ada\"},{\"id\":\"company\",\"value\":\"Acme\"}],\"utm_source\":\"it\"}}}";
    HttpResponse<String> created =
        dance.api("POST", "/sessions/" + session + "/people", token, body);
    assertEquals(201, created.statusCode(), created.body());
    Map<String, Object> detail =
        map(attributes(map(json(created).get("data"))).get("registrant_detail"));
    assertTrue(((String) detail.get("connection_link")).contains("key="));
    List<Map<String, Object>> found =
        list(
            json(dance.api(
                    "/sessions/" + session + "/people?filter[email]=" + OAuthDance.enc(email),
                    token))
                .get("data"));
    assertEquals(1, found.size());
    assertEquals("Ada", attributes(found.get(0)).get("first_name"));
    HttpResponse<String> again =
        dance.api(
            "POST",
            "/sessions/" + session + "/people",
            token,
            body.replace(email, email.toUpperCase()));
    assertEquals(409, again.statusCode());
    // Livestorm refuses an incomplete registration with 422, each missing field pointed at.
    HttpResponse<String> incomplete =
        dance.api(
            "POST",
            "/sessions/" + session + "/people",
            token,
            "{\"data\":{\"type\":\"people\",\"attributes\":{\"fields\":[]}}}");
    assertEquals(422, incomplete.statusCode());
    assertTrue(
        incomplete.body().contains("\"pointer\":\"/data/attributes/fields/email\""),
        incomplete.body());
  }

  @Test
  void someEventsRequireACustomFieldAndRefuseARegistrationWithoutIt() {
    String token = dance.accessToken("events:write");
    List<Map<String, Object>> events =
        list(json(dance.api("/events?page[size]=50", token)).get("data"));
    Map<String, Object> withCompany =
        events.stream()
            .filter(
                e ->
                    list(attributes(e).get("fields")).stream()
                        .anyMatch(
                            f ->
                                "company".equals(f.get("id"))
                                    && Boolean.TRUE.equals(f.get("required"))
                                    && Boolean.TRUE.equals(f.get("custom"))))
            .findFirst()
            .orElseThrow();
    String eventId = (String) withCompany.get("id");
    String session =
        (String)
            list(json(dance.api("/events/" + eventId + "/sessions", token)).get("data"))
                .get(0)
                .get("id");
    String email = "it-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> refused =
        dance.api(
            "POST",
            "/sessions/" + session + "/people",
            token,
            "{\"data\":{\"type\":\"people\",\"attributes\":{\"fields\":[{\"id\":\"email\",\"value\":\""
                + email
                + "\"}]}}}");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("/data/attributes/fields/company"), refused.body());
    HttpResponse<String> accepted =
        dance.api(
            "POST",
            "/sessions/" + session + "/people",
            token,
            "{\"data\":{\"type\":\"people\",\"attributes\":{\"fields\":[{\"id\":\"email\",\"value\":\""
                + email
                + "\"},{\"id\":\"company\",\"value\":\"Acme\"}]}}}");
    assertEquals(201, accepted.statusCode(), accepted.body());
    assertTrue(accepted.body().contains("\"id\":\"company\""), accepted.body());
  }

  @Test
  void webhooksCanBeCreatedListedAndDeleted() {
    String token = dance.accessToken("webhooks:write");
    HttpResponse<String> created = dance.api("POST", "/webhooks", token, webhookJson());
    assertEquals(201, created.statusCode(), created.body());
    String id = (String) map(json(created).get("data")).get("id");
    assertTrue(
        dance
            .api("/webhooks?filter[event]=people.attended&page[size]=50", token)
            .body()
            .contains(id));
    assertEquals(204, dance.api("DELETE", "/webhooks/" + id, token, null).statusCode());
    assertTrue(!dance.api("/webhooks?page[size]=50", token).body().contains(id));
    assertEquals(
        422,
        dance
            .api("POST", "/webhooks", token, webhookJson().replace("people.attended", "nope"))
            .statusCode());
  }

  @Test
  void demoDataCarriesHostileStrings() {
    String token = dance.accessToken("events:read");
    List<String> titles =
        list(json(dance.api("/events?page[size]=50", token)).get("data")).stream()
            .map(e -> (String) attributes(e).get("title"))
            .toList();
    assertTrue(titles.stream().anyMatch(t -> t.contains("<script>")));
    for (String first : List.of("=", "+", "-", "@")) {
      assertTrue(titles.stream().anyMatch(t -> t.startsWith(first)), first);
    }
    assertTrue(titles.stream().anyMatch(t -> t.contains("\u202E")));
    assertTrue(titles.stream().anyMatch(t -> t.contains("\uD83D\uDE80")));
    assertTrue(titles.stream().anyMatch(t -> t.length() > 300));
  }

  @Test
  void identityAndAdminEndpointsDescribeTheWorkspace() {
    String token = dance.accessToken("identity:read admin:read");
    Map<String, Object> me = map(json(dance.api("/me", token)).get("data"));
    assertEquals("users", me.get("type"));
    assertEquals(
        "organizations",
        map(map(map(me.get("relationships")).get("organization")).get("data")).get("type"));
    // Like the real API (partner clients): the connected user, the organization only when included.
    Map<String, Object> organization = json(dance.api("/organization", token));
    assertEquals("users", map(organization.get("data")).get("type"));
    assertNull(organization.get("included"));
    Map<String, Object> included = json(dance.api("/organization?include=organization", token));
    assertEquals("organizations", list(included.get("included")).get(0).get("type"));
    assertEquals(
        "Acme Webinars (sandbox)", attributes(list(included.get("included")).get(0)).get("name"));
    Map<String, Object> users = json(dance.api("/users?filter[role]=host", token));
    assertTrue(
        list(users.get("data")).stream().allMatch(u -> "host".equals(attributes(u).get("role"))));
  }

  @Test
  void queuedFaultsAnswerTheNextRequestsThenStop() {
    String token = dance.accessToken("identity:read");
    new SandboxControl(dance.browser.base()).queueFaults(503, 2);
    assertEquals(503, dance.apiOnce("GET", "/ping", token, null).statusCode());
    assertEquals(503, dance.apiOnce("GET", "/ping", token, null).statusCode());
    assertEquals(200, dance.apiOnce("GET", "/ping", token, null).statusCode());
    new SandboxControl(dance.browser.base()).queueFaults(429, 1, 2);
    HttpResponse<String> limited = dance.apiOnce("GET", "/ping", token, null);
    assertEquals(429, limited.statusCode());
    assertEquals("2", limited.headers().firstValue("Retry-After").orElse(null));
  }

  @Test
  void statsCountTokenRequestsByGrantAndRefreshes() {
    Map<String, Object> before = json(new SandboxControl(dance.browser.base()).get("stats"));
    Map<String, Object> tokens = dance.tokens("events:read");
    dance.refresh((String) tokens.get("refresh_token"));
    Map<String, Object> after = json(new SandboxControl(dance.browser.base()).get("stats"));
    assertTrue(count(after, "authorization_code") > count(before, "authorization_code"));
    assertTrue(count(after, "refresh_token") > count(before, "refresh_token"));
    assertTrue(
        ((Number) after.get("refreshes")).longValue()
            > ((Number) before.get("refreshes")).longValue());
    HttpResponse<String> reset =
        new SandboxControl(dance.browser.base()).post("reset-stats", Map.of());
    assertEquals(0L, ((Number) json(reset).get("api_requests")).longValue());
  }

  /**
   * Whatever no route takes is a JSON:API 404 naming the method and path, as Livestorm's router
   * answers: also a routed path with another method, HEAD and OPTIONS, a trailing slash, and
   * Jersey's WADL, which a Jakarta REST runtime would otherwise answer by itself; a bad token is
   * still a 401 first.
   */
  @Test
  void whateverNoRouteTakesIsAJsonApi404() {
    String token = dance.accessToken("events:read");
    for (String[] call :
        List.of(
            new String[] {"GET", "/nope"},
            new String[] {"DELETE", "/ping"},
            new String[] {"PUT", "/events"},
            new String[] {"OPTIONS", "/events"},
            new String[] {"GET", "/events/"},
            new String[] {"GET", "/application.wadl"},
            new String[] {"GET", ""})) {
      HttpResponse<String> response = dance.api(call[0], call[1], token, null);
      assertEquals(404, response.statusCode(), call[0] + " " + call[1] + ": " + response.body());
      assertEquals(
          "application/vnd.api+json", response.headers().firstValue("Content-Type").orElse(null));
      Map<String, Object> error = list(json(response).get("errors")).get(0);
      assertEquals(
          "No route matches " + call[0] + " " + (call[1].isEmpty() ? "/" : call[1]),
          error.get("detail"));
      assertEquals("Record not found", error.get("title"));
      RATE_HEADERS.forEach(h -> assertTrue(response.headers().firstValue(h).isPresent(), h));
    }
    assertEquals(404, dance.api("HEAD", "/ping", token, null).statusCode());
    assertEquals(200, dance.api("GET", "/events", token, null).statusCode());
    assertEquals(401, dance.api("GET", "/nope", "not-a-token", null).statusCode());
  }

  /** As Livestorm's router, no content negotiation: no 415 for a body's type, no 406 for Accept. */
  @Test
  void neitherTheBodysTypeNorAcceptIsNegotiated() {
    String token = dance.accessToken("events:write");
    HttpResponse<String> created =
        OAuthDance.send(
            dance
                .request("/sandbox/api/v1/events")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain")
                .header("Accept", "text/html")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"data\":{\"type\":\"events\",\"attributes\":{\"title\":\"Plain \u00e9v\u00e9nement\"}}}"))
                .build());
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "application/vnd.api+json", created.headers().firstValue("Content-Type").orElse(null));
    assertEquals(
        "Plain \u00e9v\u00e9nement", attributes(map(json(created).get("data"))).get("title"));
    assertEquals(
        204,
        dance
            .api("DELETE", "/events/" + map(json(created).get("data")).get("id"), token, null)
            .statusCode());
  }

  private static long count(Map<String, Object> stats, String grant) {
    return ((Number) map(stats.get("token_requests")).get(grant)).longValue();
  }

  private static String webhookJson() {
    return "{\"data\":{\"type\":\"webhooks\",\"attributes\":{\"url\":\"https://localhost/it\",\"event\":\"people.attended\"}}}";
  }
}
