package com.livestormconnect.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryUrlTest {
  private static final String APP = "https://connect.example.com";

  private static boolean accepted(String url, String app) {
    return DeliveryUrl.refusal(url, app).isEmpty();
  }

  @Test
  void loopbackIsAcceptedOverHttpOrHttps() {
    assertTrue(accepted("http://127.0.0.1:8123/hook", APP));
    assertTrue(accepted("https://localhost/hook", APP));
    assertTrue(accepted("http://[::1]:9000/", APP));
    assertTrue(accepted("http://127.5.6.7/", APP));
  }

  @Test
  void theAppsOwnOriginIsAcceptedOverHttpsOnly() {
    assertTrue(accepted("https://connect.example.com/webhooks/livestorm/abc", APP));
    assertTrue(accepted("https://CONNECT.example.com:443/webhooks/livestorm/abc", APP));
    assertTrue(accepted("https://connect.example.com:8443/x", "https://connect.example.com:8443/"));
    assertEquals(
        Optional.of("url must use https (http is accepted for loopback addresses only)"),
        DeliveryUrl.refusal("http://connect.example.com:80/x", "http://connect.example.com"));
  }

  @Test
  void anyOtherHostOrPortIsRefused() {
    assertEquals(
        Optional.of(
            "the sandbox delivers webhooks only to the app's origin (https://connect.example.com)"
                + " or a loopback address"),
        DeliveryUrl.refusal("https://hooks.example.com/in", APP));
    assertTrue(DeliveryUrl.refusal("https://connect.example.com:8443/x", APP).isPresent());
    assertTrue(DeliveryUrl.refusal("https://connect.example.com.evil.test/x", APP).isPresent());
    assertTrue(DeliveryUrl.refusal("https://10.0.0.1/x", APP).isPresent());
    assertTrue(DeliveryUrl.refusal("http://127.0.0.1.nip.io/x", APP).isPresent());
  }

  @Test
  void malformedOrCredentialedUrlsAreRefused() {
    assertTrue(DeliveryUrl.refusal("ftp://127.0.0.1/x", APP).isPresent());
    assertTrue(DeliveryUrl.refusal("/relative", APP).isPresent());
    assertTrue(DeliveryUrl.refusal("http://exa mple/", APP).isPresent());
    assertTrue(DeliveryUrl.refusal("https://user:pw@localhost/", APP).isPresent());
  }
}
