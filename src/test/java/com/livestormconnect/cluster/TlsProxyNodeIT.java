package com.livestormconnect.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.MicroNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One node whose public URL is HTTPS, with TLS ended at a trusted proxy (here: the test, sending
 * {@code X-Forwarded-Proto: https} from 127.0.0.1): the session cookie takes the {@code __Host-}
 * path, which the in-container tests (plain http) never reach. Cookies are handled by hand, since
 * the JDK's cookie handler, rightly, keeps a Secure cookie from a plain-http connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsProxyNodeIT {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private MicroNode node;
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  void startANodeBehindATlsProxy() throws Exception {
    int port = MicroNode.freePort();
    node =
        MicroNode.start(
            "tls-proxy",
            port,
            Map.of(
                "APP_BASE_URL",
                "https://127.0.0.1:" + port,
                "TRUSTED_PROXIES",
                "127.0.0.1/32",
                // Every run signs up from 127.0.0.1 into the same data folder.
                "SIGNUP_LIMIT_PER_HOUR",
                "500"));
    node.awaitUp(Duration.ofMinutes(3));
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.header("X-Forwarded-Proto", "https").timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String cookie) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(node.base().resolve(path));
    return cookie == null ? builder : builder.header("Cookie", cookie);
  }

  @Test
  void theSessionCookieIsAHostPrefixedSecureCookieThatSignsTheUserIn() throws Exception {
    HttpResponse<String> form = send(request("/signup", null).GET());
    assertEquals(200, form.statusCode(), form.body());
    List<String> setCookies = form.headers().allValues("Set-Cookie");
    String session =
        setCookies.stream()
            .filter(c -> c.startsWith("__Host-LSCSESSION="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no __Host- session cookie: " + setCookies));
    String attributes = session.toLowerCase(Locale.ROOT);
    assertTrue(attributes.contains("; secure"), session);
    assertTrue(attributes.contains("; httponly"), session);
    assertTrue(attributes.contains("path=/;") || attributes.endsWith("path=/"), session);
    assertFalse(attributes.contains("domain="), "a __Host- cookie has no Domain: " + session);
    assertEquals(1, attributes.split("samesite=lax", -1).length - 1, session);
    assertFalse(
        setCookies.stream().anyMatch(c -> c.startsWith("LSCSESSION=")),
        "no plain-named cookie beside it: " + setCookies);
    assertTrue(
        form.headers().firstValue("Strict-Transport-Security").isPresent(),
        "HSTS over HTTPS: " + form.headers().map());

    String cookie = session.substring(0, session.indexOf(';'));
    Matcher csrf = CSRF.matcher(form.body());
    assertTrue(csrf.find(), "the form's CSRF token");
    String username = "tls-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&username="
            + username
            + "&password=correct+horse+battery";
    HttpResponse<String> signedUp =
        send(
            request("/signup", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(303, signedUp.statusCode(), signedUp.body());
    String location = signedUp.headers().firstValue("Location").orElse("");
    assertTrue(
        location.startsWith("https://127.0.0.1:" + node.port + "/") || location.startsWith("/"),
        "redirected within the HTTPS public URL: " + location);
    // A new session id after signing up (fixation), again __Host- and Secure.
    String renewed =
        signedUp.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-LSCSESSION="))
            .findFirst()
            .orElse(session);
    assertTrue(renewed.toLowerCase(Locale.ROOT).contains("; secure"), renewed);

    HttpResponse<String> dashboard =
        send(request("/dashboard", renewed.substring(0, renewed.indexOf(';'))).GET());
    assertEquals(200, dashboard.statusCode(), "signed in with the __Host- cookie");
    assertTrue(dashboard.body().contains(username), "the dashboard names the user");
    HttpResponse<String> anonymous = send(request("/dashboard", null).GET());
    assertEquals(302, anonymous.statusCode(), "without the cookie: sent to sign in");
    assertTrue(
        URI.create(anonymous.headers().firstValue("Location").orElseThrow())
            .getScheme()
            .equals("https"),
        "the sign-in redirect keeps the public HTTPS URL");
  }
}
