package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.SandboxSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The client's credentials on a token or revocation request: HTTP Basic first, then the
 * client_id/client_secret form fields, as Doorkeeper's {@code [from_basic, from_params]}.
 */
record ClientCredentials(String clientId, String secret) {

  static Optional<ClientCredentials> from(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(header.substring(6).trim());
    }
    String id = request.getParameter("client_id");
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClientCredentials(id, request.getParameter("client_secret")));
  }

  /** RFC 6749 §2.3.1: id and secret are form-encoded before being joined with a colon. */
  private static Optional<ClientCredentials> basic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new ClientCredentials(
              URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
              URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether these are the sandbox client's id and secret; the secret is compared in constant time.
   */
  boolean authentic() {
    return SandboxSettings.CLIENT_ID.equals(clientId)
        && secret != null
        && MessageDigest.isEqual(
            SandboxSettings.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8),
            secret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", secret=<redacted>]";
  }
}
