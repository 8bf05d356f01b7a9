package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.Settings;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Session;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app under hostile input, as an attacker would try it: non-ASCII bodies, CSRF bypass
 * spellings, login CSRF, password guessing, over-long and oversized requests, session flooding, a
 * forged Host header, and who becomes an administrator. Runs in the container so that it can read
 * back what the sandbox stored through the API client; every request goes over HTTP. arquillian.xml
 * trusts 127.0.0.1 as a proxy, so X-Forwarded-For stands for distinct clients.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {
  private static final String NAME = "Zoë Ødegård 测试 😀";
  private static final String PASSWORD = "correct horse battery";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(HostileInputIT.class, ConnectFlow.class);
  }

  @Inject LivestormClient client;

  @Inject AccountStore accounts;

  @Inject Settings settings;

  private static URI base() {
    return URI.create(System.getProperty("APP_BASE_URL"));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A documentation-range address of its own for each test: the throttle keys on addresses. */
  private static String someAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.18." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  private static HttpClient clientOf(Browser browser) {
    return HttpClient.newBuilder()
        .cookieHandler(browser.cookies())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** POSTs a form from {@code address} (X-Forwarded-For), with the browser's cookies. */
  private static HttpResponse<String> postFrom(
      Browser browser, String address, String path, Map<String, String> fields) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .reduce((a, b) -> a + "&" + b)
            .orElse("");
    return clientOf(browser)
        .send(
            HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // 1. UTF-8 request bodies

  @Test
  void aPasswordWithAccentsChineseAndEmojiSignsUpAndSignsIn() {
    Browser browser = new Browser(base());
    String username = unique("zoe");
    String password = NAME + " pw";
    assertEquals(303, browser.signUp(username, password).statusCode());
    browser.get("/dashboard");
    assertEquals(303, browser.post("/logout", Map.of()).statusCode());

    Browser again = new Browser(base());
    again.get("/login");
    HttpResponse<String> signedIn =
        again.post("/login", Map.of("username", username, "password", password));
    assertEquals(303, signedIn.statusCode(), signedIn.body());

    assertTrue(
        accounts.passwordMatches(accounts.find(username).orElseThrow(), password),
        "the stored hash is of the password as typed");

    Browser latin1 = new Browser(base());
    latin1.get("/login");
    String mojibake =
        new String(password.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertEquals(
        401,
        latin1.post("/login", Map.of("username", username, "password", mojibake)).statusCode(),
        "a mojibake spelling of the password is another password");
  }

  @Test
  void aRegistrantsNameRoundTripsThroughThePageTheSandboxAndTheCsv() throws Exception {
    ConnectFlow user = ConnectFlow.signedUp(base(), "utf8");
    user.connect("events:write");
    Access access = Access.of(accounts.find(user.username).orElseThrow().getId());
    Session session =
        IntStream.range(0, 6)
            .mapToObj(p -> client.sessions(access, p, LivestormClient.MAX_PAGE_SIZE).items())
            .flatMap(List::stream)
            .filter(s -> s.registrantsCount() >= 2 && s.endedAt() != null)
            .min(Comparator.comparingInt(Session::registrantsCount))
            .orElseThrow();
    String email = "zoe." + UUID.randomUUID() + "@example.com";
    user.browser.get("/sessions/" + session.id() + "/register");
    HttpResponse<String> registered =
        user.browser.post(
            "/sessions/" + session.id() + "/register",
            Map.of(
                "email",
                email,
                "firstName",
                "Zoë Ødegård",
                "lastName",
                "测试 😀",
                "field.company",
                "Zoë Ødegård 测试 😀"));
    assertEquals(303, registered.statusCode(), registered.body());

    Person stored =
        client
            .sessionPeople(
                access, session.id(), null, Person.PARTICIPANT, 0, LivestormClient.MAX_PAGE_SIZE)
            .items()
            .stream()
            .filter(p -> email.equals(p.email()))
            .findFirst()
            .orElseThrow();
    assertEquals("Zoë Ødegård", stored.firstName());
    assertEquals("测试 😀", stored.lastName());

    String page = user.browser.get("/sessions/" + session.id()).body();
    assertTrue(page.contains(NAME), page);

    HttpResponse<byte[]> csv =
        clientOf(user.browser)
            .send(
                HttpRequest.newBuilder(base().resolve("/sessions/" + session.id() + "/people.csv"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, csv.statusCode());
    byte[] bytes = csv.body();
    assertTrue(
        bytes.length >= 3
            && (bytes[0] & 0xFF) == 0xEF
            && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF,
        "the CSV starts with the UTF-8 byte-order mark");
    String text = strictUtf8(Arrays.copyOfRange(bytes, 3, bytes.length));
    assertTrue(text.contains("Zoë Ødegård") && text.contains("测试 😀"), text);
    assertTrue(indexOf(bytes, "Zoë Ødegård".getBytes(StandardCharsets.UTF_8)) >= 0);
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // 2. CSRF on the normalised path, login CSRF

  private static final List<String> SPELLINGS =
      List.of(
          "/sandbox/..%2fconnect/disconnect",
          "/sandbox/..%2Fconnect/disconnect",
          "/sandbox/%2e%2e/connect/disconnect",
          "/sandbox/%2E%2E/connect/disconnect",
          "/sandbox/.%2e/connect/disconnect",
          "/sandbox/%2e./connect/disconnect",
          "/sandbox/..;/connect/disconnect",
          "/sandbox/..;x=y/connect/disconnect",
          "/sandbox/..%3b/connect/disconnect",
          "/sandbox/%252e%252e/connect/disconnect",
          "/sandbox/..%5cconnect/disconnect",
          "/sandbox/oauth/%2e%2e/%2e%2e/connect/disconnect",
          "/sandbox//../connect/disconnect",
          "/SANDBOX/../connect/disconnect",
          "/sandbox/../connect/disconnect",
          "/./sandbox/%2e%2e/connect/disconnect",
          "/connect/disconnect;/sandbox/",
          "/connect/disconnect?/sandbox/");

  @Test
  void noPathSpellingReachesAnAppEndpointWithoutTheCsrfCheck() {
    ConnectFlow user = ConnectFlow.signedUp(base(), "csrf");
    user.connect("events:read");
    for (String spelling : SPELLINGS) {
      HttpResponse<String> response = user.browser.postRaw(base() + spelling, Map.of());
      // A container's own redirect (301/302, e.g. for "..;") reaches no endpoint either.
      assertTrue(
          Set.of(301, 302, 400, 403, 404, 405).contains(response.statusCode()),
          spelling + " answered " + response.statusCode());
      assertFalse(
          response.headers().firstValue("Location").orElse("").contains("/dashboard"), spelling);
      assertTrue(
          user.browser.get("/dashboard").body().contains("action=\"/connect/disconnect\""),
          spelling + " disconnected the user");
    }
  }

  @Test
  void aCrossSiteSignInWithValidCredentialsAndNoTokenSignsNobodyIn() {
    String attacker = unique("attacker");
    assertEquals(303, new Browser(base()).signUp(attacker, PASSWORD).statusCode());
    Map<String, String> credentials = Map.of("username", attacker, "password", PASSWORD);

    Browser victim = new Browser(base());
    assertEquals(403, victim.postRaw("/login", credentials).statusCode());
    victim.get("/login");
    for (String path :
        List.of(
            "/login",
            "/sandbox/..%2flogin",
            "/sandbox/%2e%2e/login",
            "/sandbox/..;/login",
            "/signup")) {
      HttpResponse<String> response = victim.postRaw(base() + path, credentials);
      assertTrue(
          Set.of(301, 302, 400, 403, 404).contains(response.statusCode()),
          path + " answered " + response.statusCode());
      assertFalse(
          response.headers().firstValue("Location").orElse("").contains("/dashboard"), path);
    }
    HttpResponse<String> dashboard = victim.get("/dashboard");
    assertEquals(302, dashboard.statusCode());
  }

  // 3. Sign-in throttling

  @Test
  void twelveConcurrentWrongPasswordsGetAtMostTheLimitOfRealAnswers() throws Exception {
    String username = unique("guessed");
    String owner = someAddress();
    Browser ownerBrowser = new Browser(base());
    ownerBrowser.get("/signup");
    assertEquals(
        303,
        postFrom(
                ownerBrowser,
                owner,
                "/signup",
                Map.of("username", username, "password", PASSWORD, "_csrf", ownerBrowser.csrf()))
            .statusCode());

    String attacker = someAddress();
    int guesses = 12;
    List<Browser> browsers = new ArrayList<>();
    for (int i = 0; i < guesses; i++) {
      Browser b = new Browser(base());
      b.get("/login");
      browsers.add(b);
    }
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (Browser b : browsers) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return postFrom(
                        b,
                        attacker,
                        "/login",
                        Map.of(
                            "username", username, "password", "wrong password!", "_csrf", b.csrf()))
                    .statusCode();
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();
    long real = statuses.stream().filter(s -> s == 401).count();
    assertTrue(real >= 1 && real <= 5, statuses.toString());
    assertTrue(
        statuses.stream().allMatch(s -> s == 401 || s == 429 || s == 503), statuses.toString());

    if (!statuses.contains(503)) {
      // (A busy answer gives its permit back: nothing was guessed.)
      Browser stillBlocked = new Browser(base());
      stillBlocked.get("/login");
      assertEquals(
          429,
          postFrom(
                  stillBlocked,
                  attacker,
                  "/login",
                  Map.of("username", username, "password", PASSWORD, "_csrf", stillBlocked.csrf()))
              .statusCode());
    }

    for (String from : List.of(owner, someAddress())) {
      Browser b = new Browser(base());
      b.get("/login");
      HttpResponse<String> signedIn =
          postFrom(
              b,
              from,
              "/login",
              Map.of("username", username, "password", PASSWORD, "_csrf", b.csrf()));
      assertEquals(303, signedIn.statusCode(), from + ": " + signedIn.body());
    }
  }

  @Test
  void overLongCredentialsAre400BeforeAnyLookupAndNeverEchoed() {
    Browser browser = new Browser(base());
    browser.get("/login");
    String longName = "n".repeat(300);
    HttpResponse<String> name =
        browser.post("/login", Map.of("username", longName, "password", PASSWORD));
    assertEquals(400, name.statusCode());
    assertFalse(name.body().contains(longName.substring(0, 100)));
    assertTrue(name.body().length() < 20_000, "length " + name.body().length());
    HttpResponse<String> password =
        browser.post("/login", Map.of("username", "ada", "password", "p".repeat(1025)));
    assertEquals(400, password.statusCode());
    browser.get("/signup");
    HttpResponse<String> signUp =
        browser.post("/signup", Map.of("username", longName, "password", PASSWORD));
    assertEquals(400, signUp.statusCode());
    assertFalse(signUp.body().contains(longName.substring(0, 100)));
  }

  // 4. Administrators

  @Test
  void theSetupCodeMakesTheFirstAdministratorOnceWhoThenPromotesAndDemotes() throws Exception {
    Path file = settings.dataDir().resolve("admin-setup-code");
    assertTrue(
        Files.isRegularFile(file),
        "no stored administrator at start-up, so the code is in " + file);
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String code = Files.readString(file).strip();

    Browser stranger = new Browser(base());
    stranger.get("/signup");
    HttpResponse<String> guessed =
        stranger.post(
            "/signup",
            Map.of("username", unique("guess"), "password", PASSWORD, "setupCode", "not-the-code"));
    assertEquals(400, guessed.statusCode());

    Browser admin = new Browser(base());
    String adminName = unique("root");
    admin.get("/signup");
    assertTrue(admin.get("/signup").body().contains("name=\"setupCode\""));
    assertEquals(
        303,
        admin
            .post("/signup", Map.of("username", adminName, "password", PASSWORD, "setupCode", code))
            .statusCode());
    assertEquals(200, admin.get("/admin/accounts").statusCode());
    assertFalse(Files.exists(file), "the spent code's file is deleted");

    Browser late = new Browser(base());
    late.get("/signup");
    assertEquals(
        400,
        late.post(
                "/signup",
                Map.of("username", unique("late"), "password", PASSWORD, "setupCode", code))
            .statusCode());

    ConnectFlow user = ConnectFlow.signedUp(base(), "promoted");
    assertEquals(403, user.browser.get("/admin").statusCode());
    admin.get("/admin/accounts");
    assertEquals(
        403,
        admin
            .postRaw("/admin/accounts", Map.of("username", user.username, "action", "promote"))
            .statusCode());
    assertEquals(
        303,
        admin
            .post("/admin/accounts", Map.of("username", user.username, "action", "promote"))
            .statusCode());
    assertEquals(200, user.browser.get("/admin").statusCode(), "a promotion takes effect at once");
    assertEquals(
        303,
        admin
            .post("/admin/accounts", Map.of("username", user.username, "action", "demote"))
            .statusCode());
    assertEquals(403, user.browser.get("/admin").statusCode(), "a demotion takes effect at once");

    HttpResponse<String> last =
        admin.post("/admin/accounts", Map.of("username", adminName, "action", "demote"));
    assertEquals(409, last.statusCode());
    assertTrue(last.body().contains("last administrator"), last.body());
    assertEquals(200, admin.get("/admin").statusCode());
  }

  @Test
  void theSignUpPageSaysTheFirstAccountIsAdministratorInTheLocalSandbox() {
    String page = new Browser(base()).get("/signup").body();
    assertTrue(page.contains("the first account created is an administrator"), page);
  }

  // 5. Hosts, redirects, headers, cookies

  @Test
  void aForgedHostHeaderNeverEndsUpInARedirect() throws Exception {
    for (String path : List.of("/dashboard", "/static", "/admin")) {
      String response =
          raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
      String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
      assertFalse(head.toLowerCase().contains("evil.example"), path + ":\n" + head);
      assertTrue(head.contains("Content-Security-Policy:"), path + ":\n" + head);
      if (head.startsWith("HTTP/1.1 30")) {
        assertTrue(head.contains("Location: " + base()), path + ":\n" + head);
      }
    }
  }

  @Test
  void theSignInRedirectCarriesTheSecurityHeaders() {
    HttpResponse<String> redirect = new Browser(base()).get("/dashboard");
    assertEquals(302, redirect.statusCode());
    assertEquals(base() + "/login", redirect.headers().firstValue("Location").orElseThrow());
    assertTrue(redirect.headers().firstValue("Content-Security-Policy").isPresent());
    assertEquals("nosniff", redirect.headers().firstValue("X-Content-Type-Options").orElse(null));
  }

  @Test
  void sameSiteLaxAppearsExactlyOnceInTheSessionCookie() {
    HttpResponse<String> page = new Browser(base()).get("/login");
    List<String> cookies = page.headers().allValues("Set-Cookie");
    String session =
        cookies.stream().filter(c -> c.startsWith("LSCSESSION=")).findFirst().orElseThrow();
    assertEquals(1, session.split("SameSite", -1).length - 1, session);
    assertTrue(session.contains("SameSite=Lax") && session.contains("HttpOnly"), session);
  }

  @Test
  void xForwardedProtoIsBelievedOnlyFromATrustedProxy() {
    // 127.0.0.1 is trusted in the tests (arquillian.xml); the untrusted case is ProxyHeadersTest.
    HttpResponse<String> page = new Browser(base()).get("/", "X-Forwarded-Proto", "https");
    assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent());
    assertTrue(
        new Browser(base()).get("/").headers().firstValue("Strict-Transport-Security").isEmpty());
  }

  // 6. Sessions and body size

  @Test
  void fiftyAnonymousRequestsCreateNoSession() {
    List<String> paths =
        List.of(
            "/",
            "/health",
            "/static/app.css",
            "/no-such-page",
            "/sandbox/api/v1/events",
            "/static/no-such-file.css");
    for (int i = 0; i < 50; i++) {
      String path = paths.get(i % paths.size());
      HttpResponse<String> response = new Browser(base()).get(path);
      assertTrue(
          response.headers().allValues("Set-Cookie").isEmpty(),
          path + " set " + response.headers().allValues("Set-Cookie"));
    }
    assertFalse(
        new Browser(base()).get("/login").headers().allValues("Set-Cookie").isEmpty(),
        "the sign-in form needs a session for its CSRF token");
  }

  @Test
  void aTenMegabytePostIsRefusedWith413AndTheErrorPage() throws Exception {
    Browser browser = new Browser(base());
    browser.get("/login");
    String filler = "x".repeat(10 * 1024 * 1024);
    // HTTP/1.1 as browsers send forms (the JDK client would otherwise try an h2c upgrade).
    HttpClient http11 =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(browser.cookies())
            .build();
    HttpResponse<String> declared =
        http11.send(
            HttpRequest.newBuilder(base().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=ada&_csrf=" + browser.csrf() + "&password=" + filler))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, declared.statusCode());
    assertTrue(declared.body().contains("The request is too large."), declared.body());
    assertTrue(declared.headers().firstValue("Content-Security-Policy").isPresent());
  }

  /**
   * A chunked body declares no length, so only the counting limit can refuse it: one byte over the
   * limit, well under the server's own form limit (2 MB on Payara), with a valid session and CSRF
   * token, so that without the filter the sign-in form would read it.
   */
  @Test
  void aChunkedBodyOneByteOverTheLimitIsRefusedWith413AndTheErrorPage() throws Exception {
    Browser browser = new Browser(base());
    browser.get("/login");
    String fields = "username=ada&_csrf=" + browser.csrf() + "&password=";
    String body = fields + "x".repeat((int) RequestSizeFilter.MAX_BODY + 1 - fields.length());

    String response = chunked(browser, "/login", body, 64 * 1024);

    assertTrue(response.startsWith("HTTP/1.1 413 "), head(response));
    assertTrue(response.contains("The request is too large."), head(response));
  }

  /**
   * Under the limit, the form read from a chunked body reaches the servlet whole: CSRF token too.
   */
  @Test
  void aSmallChunkedFormStillWorks() throws Exception {
    Browser browser = new Browser(base());
    browser.get("/login");
    String body =
        "username=nobody-"
            + UUID.randomUUID()
            + "&password=wrong+password&_csrf="
            + enc(browser.csrf());

    String response = chunked(browser, "/login", body, 16);

    assertTrue(response.startsWith("HTTP/1.1 401 "), head(response));
  }

  /**
   * POSTs {@code form} with the browser's session cookie over a raw socket, as chunks of {@code
   * chunkSize} bytes (Transfer-Encoding: chunked, no Content-Length); the whole response.
   */
  private static String chunked(Browser browser, String path, String form, int chunkSize)
      throws IOException {
    String session =
        browser.cookies().getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("LSCSESSION"))
            .findFirst()
            .orElseThrow()
            .getValue();
    StringBuilder request =
        new StringBuilder()
            .append("POST ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(base().getAuthority())
            .append("\r\nContent-Type: application/x-www-form-urlencoded")
            .append("\r\nTransfer-Encoding: chunked")
            .append("\r\nCookie: LSCSESSION=")
            .append(session)
            .append("\r\nX-Forwarded-For: ")
            .append(someAddress())
            .append("\r\nConnection: close\r\n\r\n");
    for (int at = 0; at < form.length(); at += chunkSize) {
      String chunk = form.substring(at, Math.min(form.length(), at + chunkSize));
      request.append(Integer.toHexString(chunk.length())).append("\r\n");
      request.append(chunk).append("\r\n");
    }
    request.append("0\r\n\r\n");
    return raw(request.toString());
  }

  private static String head(String response) {
    int end = response.indexOf("\r\n\r\n");
    return end < 0 ? response : response.substring(0, end);
  }

  /**
   * One raw HTTP/1.1 exchange, exactly these bytes: a Host header as an attacker sends it, or a
   * body's chunked framing.
   */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket(base().getHost(), base().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String response = all.toString(StandardCharsets.ISO_8859_1);
      assertNotNull(response);
      return response;
    }
  }
}
