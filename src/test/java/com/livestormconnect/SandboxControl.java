package com.livestormconnect;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The sandbox's test controls ({@code /sandbox/control/...}) as tests use them: JSON bodies, and
 * the operator's control key (system property {@code SANDBOX_CONTROL_KEY}, given to the container
 * and to the test JVM alike) in the {@value #KEY_HEADER} header when one is set. Every test goes
 * through this class, so the control protocol is written down once.
 */
public final class SandboxControl {
  public static final String KEY_HEADER = "X-Sandbox-Control-Key";

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public SandboxControl(URI base) {
    this.base = base;
  }

  /** Moves the sandbox clock forward. */
  public void advanceClock(long seconds) {
    expectOk(post("clock", Map.of("advance", seconds)));
  }

  /**
   * Stops the sandbox clock (true) or lets it run again (false). While it stands still, every
   * request falls within one sandbox second of the rate limit, however slow the machine: call it
   * again with false in a {@code finally}.
   */
  public void freezeClock(boolean frozen) {
    expectOk(post("clock", Map.of("frozen", frozen)));
  }

  /** The next {@code count} API requests answer {@code status} (a 429 with this Retry-After). */
  public void queueFaults(int status, int count, int retryAfterSeconds) {
    expectOk(
        post("faults", Map.of("status", status, "count", count, "retryAfter", retryAfterSeconds)));
  }

  public void queueFaults(int status, int count) {
    queueFaults(status, count, 1);
  }

  /**
   * Switches sandbox variants where the real Livestorm's behaviour is uncertain, e.g. {@code
   * Map.of("organization", "organization")} (keys and values: {@code GET /sandbox/control/variants}
   * and the README). Other variants keep their value.
   */
  public JsonObject variants(Map<String, String> variants) {
    HttpResponse<String> response = post("variants", variants);
    expectOk(response);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** Every variant back to its setting (or the sandbox's default). */
  public void resetVariants() {
    expectOk(post("variants", Map.of("reset", true)));
  }

  /**
   * Every webhook delivery attempt ({@code deliveries}: event, url, attempt, at, outcome, status,
   * retry_at, disabled...), what is queued and the retries waiting for the sandbox clock.
   */
  public JsonObject webhookDeliveries() {
    return getJson("webhooks/deliveries");
  }

  /** Each webhook subscription's state ({@code active} or {@code disabled}) and failures. */
  public JsonObject webhookSubscriptions() {
    return getJson("webhooks/subscriptions");
  }

  /** The secret the sandbox signs webhook deliveries with. */
  public String webhookSecret() {
    return getJson("webhooks/secret").getString("secret");
  }

  /**
   * Sends every webhook retry due on the sandbox clock now; answers when they have been attempted,
   * with how many there were.
   */
  public int runDueWebhookRetries() {
    HttpResponse<String> response = post("webhooks/retries", Map.of());
    expectOk(response);
    return Json.createReader(new StringReader(response.body())).readObject().getInt("sent");
  }

  /**
   * Webhook faults until changed: a percentage of deliveries dropped, each sent 1 to {@code copies}
   * times, in shuffled order, after a delay.
   */
  public void webhookFaults(int dropPercent, int copies, boolean shuffle, long delayMillis) {
    expectOk(
        post(
            "webhooks/faults",
            Map.of(
                "drop_percent",
                dropPercent,
                "copies",
                copies,
                "shuffle",
                shuffle,
                "delay_ms",
                delayMillis)));
  }

  /** Forgets webhook attempts, scheduled retries, subscription states and faults. */
  public void resetWebhooks() {
    expectOk(post("webhooks/reset", Map.of()));
  }

  private JsonObject getJson(String control) {
    HttpResponse<String> response = get(control);
    expectOk(response);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /**
   * Sets the calls left in the sandbox organization's monthly quota ({@code
   * SANDBOX_MONTHLY_QUOTA}).
   */
  public void monthlyQuotaLeft(long remaining) {
    expectOk(post("quota", Map.of("remaining", remaining)));
  }

  /**
   * The next {@code count} successful list answers whose path contains {@code path} ("" for any
   * list) are spoilt: {@code malformed} (cut off, not JSON), {@code shrunk} (one row short), {@code
   * record_count} (7 more than there are) or {@code long_id} (a first row whose id has 100,000
   * characters).
   */
  public void badAnswers(String kind, int count, String path) {
    expectOk(post("bad-answers", Map.of("kind", kind, "count", count, "path", path)));
  }

  /** The next {@code count} successful refreshes rotate the tokens, then lose their answer. */
  public void loseRefreshAnswers(int count) {
    expectOk(post("lost-refresh-answers", Map.of("count", count)));
  }

  /**
   * While on, successful refreshes rotate the tokens and then wait before answering (20 s at most)
   * until this is called again with false: a client's refresh is then seen under way.
   */
  public void holdRefreshAnswers(boolean hold) {
    expectOk(post("held-refresh-answers", Map.of("hold", hold)));
  }

  /** How many refresh answers the sandbox holds now. */
  public long heldRefreshAnswers() {
    HttpResponse<String> response = get("held-refresh-answers");
    expectOk(response);
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getJsonNumber("held")
        .longValue();
  }

  /**
   * Registers {@code count} new people to the session, as if they used Livestorm's registration
   * page: {@code {"people": [person resources]}}.
   */
  public JsonObject register(String sessionId, int count) {
    return ok(post("register", Map.of("session", sessionId, "count", count)));
  }

  /** Starts the session now: {@code {"session": resource}}. */
  public JsonObject startSession(String sessionId) {
    return ok(post("start-session", Map.of("session", sessionId)));
  }

  /**
   * Ends the live session now, which decides who attended ({@code attendedShare} % of its
   * registrants, chosen by their ids): {@code {"session": resource, "people": [its people]}}.
   */
  public JsonObject endSession(String sessionId, int attendedShare) {
    return ok(post("end-session", Map.of("session", sessionId, "attended_share", attendedShare)));
  }

  /**
   * The person watches the ended session's replay now (null: the first registrant who has not,
   * preferring one who did not attend): {@code {"person": resource}}.
   */
  public JsonObject watchReplay(String sessionId, String personId) {
    return ok(
        post(
            "watch-replay",
            personId == null
                ? Map.of("session", sessionId)
                : Map.of("session", sessionId, "person", personId)));
  }

  /** Cancels the session (one that has not started): {@code {"session": resource}}. */
  public JsonObject cancelSession(String sessionId) {
    return ok(post("cancel-session", Map.of("session", sessionId)));
  }

  /** A new session of the event, starting in so many seconds: {@code {"session": resource}}. */
  public JsonObject createSession(String eventId, long startsInSeconds) {
    return ok(post("create-session", Map.of("event", eventId, "starts_in", startsInSeconds)));
  }

  /** A new event, published or draft: {@code {"event": resource}}. */
  public JsonObject createEvent(String title, boolean published) {
    return ok(
        post("create-event", Map.of("title", title, "status", published ? "published" : "draft")));
  }

  /**
   * Edits the event: {@code title}, {@code description}, {@code status} (published or draft); with
   * none of them, " (edited)" is added to the title. {@code {"event": resource}}.
   */
  public JsonObject editEvent(String eventId, Map<String, String> changes) {
    Map<String, Object> fields = new java.util.HashMap<>(changes);
    fields.put("event", eventId);
    return ok(post("edit-event", fields));
  }

  /** Deletes the event with its sessions and their people. */
  public void deleteEvent(String eventId) {
    ok(post("delete-event", Map.of("event", eventId)));
  }

  /**
   * The organization's whole data set in the API's shapes, for field-by-field comparison: {@code
   * {"organization": {...}, "events": [...], "sessions": [... with breakout rooms], "people":
   * {"<session id>": [... with the host]}}}, each resource as the API's lists render it.
   */
  public JsonObject dump() {
    HttpResponse<String> response = get("dump");
    expectOk(response);
    // Some 40 MB for the demo's 20,000 people: past JSON-P's default guard against huge documents.
    return Json.createReaderFactory(
            Map.of("org.eclipse.parsson.maxParsingLimit", Integer.MAX_VALUE))
        .createReader(new StringReader(response.body()))
        .readObject();
  }

  public void resetStats() {
    expectOk(post("reset-stats", Map.of()));
  }

  /** The counters ({@code GET /sandbox/control/stats}). */
  public JsonObject stats() {
    HttpResponse<String> response = get("stats");
    expectOk(response);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /**
   * A counter of {@link #stats()}, e.g. {@code refreshes}, {@code api_requests}, {@code
   * rate_limited}.
   */
  public long counter(String name) {
    return stats().getJsonNumber(name).longValue();
  }

  /** GETs a control as is (for tests of the controls themselves). */
  public HttpResponse<String> get(String control) {
    return send(request(control).GET().build());
  }

  /** POSTs a JSON object built from {@code fields} (numbers, booleans and strings) to a control. */
  public HttpResponse<String> post(String control, Map<String, ?> fields) {
    var json = Json.createObjectBuilder();
    fields.forEach(
        (name, value) -> {
          if (value instanceof Number n) {
            json.add(name, Json.createValue(n.longValue()));
          } else if (value instanceof Boolean b) {
            json.add(name, b);
          } else {
            json.add(name, String.valueOf(value));
          }
        });
    return send(
        request(control)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.build().toString()))
            .build());
  }

  /**
   * For tests of the controls' own defences only: a POST with this content type and body, and this
   * key in the header (none when null), as an attacker's page or script would send it.
   */
  public HttpResponse<String> postAs(String control, String contentType, String body, String key) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve("/sandbox/control/" + control))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    if (key != null) {
      builder.header(KEY_HEADER, key);
    }
    return send(builder.build());
  }

  /** For tests of the controls' own defences only: a GET with this key (none when null). */
  public HttpResponse<String> getAs(String control, String key) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve("/sandbox/control/" + control))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (key != null) {
      builder.header(KEY_HEADER, key);
    }
    return send(builder.build());
  }

  /** The key the build gives the servers and the tests (system property SANDBOX_CONTROL_KEY). */
  public static String key() {
    return System.getProperty("SANDBOX_CONTROL_KEY");
  }

  private HttpRequest.Builder request(String control) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve("/sandbox/control/" + control))
            .timeout(Duration.ofSeconds(30));
    String key = key();
    if (key != null && !key.isBlank()) {
      builder.header(KEY_HEADER, key);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject ok(HttpResponse<String> response) {
    expectOk(response);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static void expectOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "sandbox control "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }
}
