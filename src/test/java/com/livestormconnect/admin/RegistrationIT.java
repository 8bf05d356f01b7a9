package com.livestormconnect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registration helper over HTTP, as an administrator and as a plain user. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationIT {
  private static final String PASSWORD = "correct horse battery";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app();
  }

  /** it-admin is in ADMIN_USERNAMES (arquillian.xml); the account may exist from another class. */
  private static Browser admin() {
    new Browser().signUp("it-admin", PASSWORD);
    Browser admin = new Browser();
    admin.get("/login");
    assertEquals(
        303,
        admin.post("/login", Map.of("username", "it-admin", "password", PASSWORD)).statusCode());
    return admin;
  }

  @Test
  void plainUsersAreRefused() {
    Browser user = new Browser();
    user.signUp("plain-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    assertEquals(403, user.get("/admin/registration").statusCode());
  }

  @Test
  void listsTheRedirectUrlWithAWarningWhenItIsNotHttpsAndChecksTheScopes() {
    HttpResponse<String> page = admin().get("/admin/registration");
    assertEquals(200, page.statusCode());
    String base =
        System.getProperty(
            "APP_BASE_URL", "http://127.0.0.1:" + System.getProperty("it.http.port"));
    assertTrue(page.body().contains(base + "/connect/callback"), page.body());
    assertTrue(page.body().contains("id=\"redirect-warning\""), "tests run on http");
    // The sandbox's derived registration (the eight individual scopes) follows the rules.
    assertFalse(page.body().contains("id=\"scope-problem\""), page.body());
    assertTrue(page.body().contains("id=\"scopes-ok\""), page.body());
  }

  @Test
  void aSquareTransparentPngOf500PixelsPasses() {
    Browser admin = admin();
    admin.get("/admin/registration");
    HttpResponse<String> checked =
        admin.postFile(
            "/admin/registration",
            Map.of(),
            "logo",
            "logo.png",
            "image/png",
            Logos.disc(500, 500, true, "png"));
    assertEquals(200, checked.statusCode(), checked.body());
    assertTrue(checked.body().contains("id=\"logo-ok\""), checked.body());
  }

  @Test
  void aJpegCalledLogoPngIsJudgedByItsBytes() {
    Browser admin = admin();
    admin.get("/admin/registration");
    HttpResponse<String> checked =
        admin.postFile(
            "/admin/registration",
            Map.of(),
            "logo",
            "logo.png",
            "image/png",
            Logos.disc(600, 600, false, "jpeg"));
    assertEquals(200, checked.statusCode());
    assertTrue(checked.body().contains("id=\"logo-not-ok\""));
    assertTrue(checked.body().contains("no, it is jpeg"));
  }

  @Test
  void anUploadWithoutTheCsrfTokenIsRefused() {
    Browser admin = admin();
    admin.get("/admin/registration");
    HttpResponse<String> refused =
        admin.postFile(
            "/admin/registration",
            Map.of("_csrf", ""),
            "logo",
            "logo.png",
            "image/png",
            Logos.disc(500, 500, true, "png"));
    assertEquals(403, refused.statusCode());
    assertFalse(refused.body().contains("logo-ok"));
  }
}
