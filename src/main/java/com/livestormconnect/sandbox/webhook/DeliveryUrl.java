package com.livestormconnect.sandbox.webhook;

import com.livestormconnect.sandbox.SandboxSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the sandbox agrees to post: a loopback address (http or https), or the app's own origin
 * ({@code APP_BASE_URL}) over https. Anything else would let whoever creates a subscription make
 * the sandbox post to a host of their choosing. Judged from the text alone, never resolved.
 */
public final class DeliveryUrl {
  private DeliveryUrl() {}

  /** Why the sandbox will not post to {@code url}, or empty when it will. */
  public static Optional<String> refusal(String url, String appBaseUrl) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("url must be an absolute http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Optional.of("url must be an absolute http or https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("url must not carry a user name or password");
    }
    if (SandboxSettings.isLoopback(url)) {
      return Optional.empty();
    }
    if (!sameOrigin(uri, appBaseUrl)) {
      return Optional.of(
          "the sandbox delivers webhooks only to the app's origin ("
              + origin(appBaseUrl)
              + ") or a loopback address");
    }
    if (!scheme.equals("https")) {
      return Optional.of("url must use https (http is accepted for loopback addresses only)");
    }
    return Optional.empty();
  }

  private static boolean sameOrigin(URI uri, String appBaseUrl) {
    try {
      URI app = new URI(appBaseUrl);
      return app.getScheme() != null
          && app.getHost() != null
          && app.getScheme().equalsIgnoreCase(uri.getScheme())
          && app.getHost().equalsIgnoreCase(uri.getHost())
          && port(app) == port(uri);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static String origin(String appBaseUrl) {
    try {
      URI app = new URI(appBaseUrl);
      return app.getScheme() + "://" + app.getRawAuthority();
    } catch (URISyntaxException e) {
      return appBaseUrl;
    }
  }
}
