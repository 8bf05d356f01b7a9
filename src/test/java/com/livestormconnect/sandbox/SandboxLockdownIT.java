package com.livestormconnect.sandbox;

import static com.livestormconnect.sandbox.OAuthDance.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's test controls as an attacker meets them: no key (or a wrong one) is a 403, a
 * cross-site form post is refused, every value is bounded, and the clock can never be broken.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxLockdownIT {
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app(SandboxLockdownIT.class, OAuthDance.class);
  }

  private final Browser browser = new Browser();
  private final SandboxControl control = new SandboxControl(browser.base());

  /** One clock move by {@code seconds}; returns the clock's total offset afterwards. */
  private long advance(long seconds) {
    HttpResponse<String> moved = control.post("clock", Map.of("advance", seconds));
    assertEquals(200, moved.statusCode(), moved.body());
    return ((Number) json(moved).get("offset_seconds")).longValue();
  }

  private static void assertRefused(int status, String field, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(field), "names " + field + ": " + response.body());
  }

  /** The sandbox API still answers normally (no fault was queued). */
  private void assertApiAnswers200() {
    OAuthDance dance = new OAuthDance(browser);
    HttpResponse<String> ping =
        dance.apiOnce("GET", "/ping", dance.accessToken("identity:read"), null);
    assertEquals(200, ping.statusCode(), ping.body());
  }

  @Test
  void withoutTheKeyOrWithAWrongOneEveryControlIs403AndNothingChanges() {
    String key = SandboxControl.key();
    assertTrue(key != null && !key.isBlank(), "the build gives the tests the control key");
    assertEquals(403, control.getAs("stats", null).statusCode());
    assertEquals(403, control.getAs("stats", "wrong-key").statusCode());
    assertEquals(403, control.getAs("stats", key + "x").statusCode());
    assertEquals(403, control.getAs("stats", key.substring(0, key.length() - 1)).statusCode());
    assertEquals(
        403, control.postAs("faults", JSON, "{\"status\":503,\"count\":100}", null).statusCode());
    assertEquals(403, control.postAs("reset-stats", JSON, "{}", "wrong-key").statusCode());
    assertApiAnswers200();
    assertEquals(200, control.getAs("stats", key).statusCode());
  }

  @Test
  void aCrossSiteFormPostIsRefusedWithOrWithoutTheKey() {
    long before = advance(1);
    assertEquals(
        403, control.postAs("clock", FORM, "advance=31556889864403199", null).statusCode());
    assertEquals(
        403, control.postAs("faults", "text/plain", "{\"status\":503}", null).statusCode());
    assertEquals(
        415, control.postAs("clock", FORM, "advance=60", SandboxControl.key()).statusCode());
    assertEquals(
        415,
        control
            .postAs("faults", "text/plain", "{\"status\":503}", SandboxControl.key())
            .statusCode());
    assertEquals(
        415, control.postAs("faults", null, "{\"status\":503}", SandboxControl.key()).statusCode());
    assertEquals(before + 1, advance(1), "the clock moved only by the accepted requests");
    assertApiAnswers200();
  }

  @Test
  void everyFaultValueIsBoundedAndABadOneIsA400NamingItsField() {
    assertRefused(400, "status", control.post("faults", Map.of("status", 200)));
    assertRefused(400, "status", control.post("faults", Map.of("status", 600)));
    assertRefused(400, "status", control.post("faults", Map.of("count", 1)));
    assertRefused(400, "status", control.post("faults", Map.of("status", "503")));
    assertRefused(
        400, "status", control.postAs("faults", JSON, "{\"status\":503.5}", SandboxControl.key()));
    assertRefused(400, "count", control.post("faults", Map.of("status", 503, "count", 0)));
    assertRefused(400, "count", control.post("faults", Map.of("status", 503, "count", 101)));
    assertRefused(
        400,
        "count",
        control.postAs("faults", JSON, "{\"status\":503,\"count\":1e30}", SandboxControl.key()));
    assertRefused(
        400, "retryAfter", control.post("faults", Map.of("status", 429, "retryAfter", -1)));
    assertRefused(
        400, "retryAfter", control.post("faults", Map.of("status", 429, "retryAfter", 86_401)));
    assertRefused(
        400,
        "retryAfter",
        control.post("faults", Map.of("status", 429, "retryAfter", 2_147_483_647L)));
    assertRefused(
        400, "JSON object", control.postAs("faults", JSON, "status=503", SandboxControl.key()));
    assertRefused(
        400, "JSON object", control.postAs("faults", JSON, "[503]", SandboxControl.key()));
    assertRefused(400, "hold", control.post("held-refresh-answers", Map.of("hold", "yes")));
    assertRefused(400, "hold", control.post("held-refresh-answers", Map.of()));
    assertEquals(0, control.heldRefreshAnswers());
    assertApiAnswers200();

    OAuthDance dance = new OAuthDance(browser);
    String token = dance.accessToken("identity:read");
    assertEquals(
        200,
        control
            .post("faults", Map.of("status", 429, "count", 100, "retryAfter", 86_400))
            .statusCode());
    assertEquals(
        200,
        control.post("faults", Map.of("status", 503, "count", 1, "retryAfter", 0)).statusCode());
    assertEquals(
        503,
        dance.apiOnce("GET", "/ping", token, null).statusCode(),
        "the limits themselves are accepted");
  }

  @Test
  void theClockCannotBeBrokenNorMovedPastItsBound() {
    long offset = advance(1);
    assertRefused(
        400, "advance", control.post("clock", Map.of("advance", 31_556_889_864_403_199L)));
    assertRefused(400, "advance", control.post("clock", Map.of("advance", 0)));
    assertRefused(400, "advance", control.post("clock", Map.of("advance", -5)));
    assertRefused(400, "advance", control.post("clock", Map.of("advance", 400L * 86_400 + 1)));
    assertRefused(400, "advance", control.post("clock", Map.of()));
    assertRefused(
        400,
        "advance",
        control.postAs("clock", JSON, "{\"advance\":9223372036854775808}", SandboxControl.key()));
    assertEquals(offset + 1, advance(1), "refused moves left the clock alone");
    assertRefused(400, "frozen", control.post("clock", Map.of("frozen", "yes")));
    assertRefused(400, "frozen", control.post("clock", Map.of("frozen", 1, "advance", 5)));
    assertEquals(offset + 2, advance(1), "a bad frozen moves nothing either");
    assertEquals(
        false, json(control.post("clock", Map.of("frozen", false))).get("frozen"), "never frozen");

    // As far as it goes, 400 days at a time: then a 400 and the sandbox keeps working.
    HttpResponse<String> moved;
    int moves = 0;
    do {
      moved = control.post("clock", Map.of("advance", 400L * 86_400));
      moves++;
    } while (moved.statusCode() == 200 && moves < 200);
    assertRefused(400, "advance", moved);
    assertTrue(moves < 200, "the total offset is bounded");
    assertRefused(400, "advance", control.post("clock", Map.of("advance", 400L * 86_400)));
    assertApiAnswers200();
  }
}
