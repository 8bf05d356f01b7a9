package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.MicroNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code SIGNUP=closed}, on a Payara Micro of its own (the shared test server runs with sign-up
 * open) and a fresh in-memory database, so that no administrator exists and the setup code is
 * waiting: a stranger's sign-up is refused, the operator's setup code still makes the first
 * administrator, and only once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedSignUpIT {
  private static final String PASSWORD = "correct horse battery";

  private MicroNode node;

  @BeforeAll
  void startWithSignUpClosed() throws Exception {
    int port = MicroNode.freePort();
    node =
        MicroNode.start(
            "closed-signup",
            port,
            Map.of(
                "APP_BASE_URL",
                "http://127.0.0.1:" + port,
                "DATABASE_URL",
                "jdbc:derby:memory:closed-signup;create=true",
                "SIGNUP",
                "closed"));
    node.awaitUp(Duration.ofMinutes(3));
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void aSignUpWithoutTheSetupCodeIsRefusedAndMakesNoAccount() {
    Browser stranger = new Browser(node.base());
    assertTrue(stranger.get("/signup").body().contains("Sign-up is closed on this instance."));
    String username = unique("stranger");

    HttpResponse<String> refused =
        stranger.post("/signup", Map.of("username", username, "password", PASSWORD));

    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("Sign-up is closed on this instance."), refused.body());
    assertCannotSignIn(username);
  }

  @Test
  @Order(2)
  void theSetupCodeMakesTheFirstAdministratorAndCannotBeUsedTwice() throws Exception {
    Path file = node.dataDir().resolve("admin-setup-code");
    assertTrue(Files.isRegularFile(file), "no administrator yet, so the code is in " + file);
    String code = Files.readString(file).strip();

    Browser operator = new Browser(node.base());
    operator.get("/signup");
    HttpResponse<String> wrong =
        operator.post(
            "/signup",
            Map.of("username", unique("guess"), "password", PASSWORD, "setupCode", code + "x"));
    assertEquals(400, wrong.statusCode(), wrong.body());

    String adminName = unique("root");
    HttpResponse<String> accepted =
        operator.post(
            "/signup", Map.of("username", adminName, "password", PASSWORD, "setupCode", code));
    assertEquals(303, accepted.statusCode(), accepted.body());
    assertEquals(200, operator.get("/admin/accounts").statusCode(), "an administrator");
    assertFalse(Files.exists(file), "the spent code's file is deleted");

    Browser again = new Browser(node.base());
    assertFalse(again.get("/signup").body().contains("name=\"setupCode\""), "no code to offer");
    // Sent anyway, with the session's CSRF token from the sign-in page (closed sign-up with no
    // code pending shows no form).
    again.get("/login");
    String second = unique("second");
    HttpResponse<String> reused =
        again.post("/signup", Map.of("username", second, "password", PASSWORD, "setupCode", code));
    assertEquals(400, reused.statusCode(), reused.body());
    assertTrue(reused.body().contains("it can be used only once"), reused.body());
    assertCannotSignIn(second);
  }

  private void assertCannotSignIn(String username) {
    Browser browser = new Browser(node.base());
    browser.get("/login");
    HttpResponse<String> signIn =
        browser.post("/login", Map.of("username", username, "password", PASSWORD));
    assertEquals(401, signIn.statusCode(), "no account " + username + ": " + signIn.body());
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
