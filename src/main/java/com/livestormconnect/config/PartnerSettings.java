package com.livestormconnect.config;

import java.net.URI;
import java.util.Base64;
import java.util.Optional;

/**
 * Where each change of the local copy is forwarded, signed as the Standard Webhooks specification
 * says: the partner's own service ({@code PARTNER_WEBHOOK_URL}, off when unset) and the shared
 * secret ({@code PARTNER_WEBHOOK_SECRET} or {@code _FILE}, {@code whsec_} followed by base64 of 24
 * to 64 random bytes, the sizes the specification recommends). The secret is never printed.
 */
public record PartnerSettings(Optional<URI> url, Optional<String> secret) {
  static final String SECRET_PREFIX = "whsec_";
  static final int MIN_SECRET_BYTES = 24;
  static final int MAX_SECRET_BYTES = 64;

  /** Forwarding is off. */
  public static PartnerSettings off() {
    return new PartnerSettings(Optional.empty(), Optional.empty());
  }

  public boolean enabled() {
    return url.isPresent() && secret.isPresent();
  }

  static PartnerSettings read(Environment env) {
    Optional<String> rawUrl = env.text("PARTNER_WEBHOOK_URL");
    Optional<String> secret = env.secret("PARTNER_WEBHOOK_SECRET");
    if (rawUrl.isEmpty()) {
      if (secret.isPresent()) {
        env.problem(
            "PARTNER_WEBHOOK_SECRET",
            "is set but PARTNER_WEBHOOK_URL is not: set both to forward changes, or neither");
      }
      return off();
    }
    URI url = env.url("PARTNER_WEBHOOK_URL", null);
    // The body tells what changed in the copy and the signature proves it came from us: plain
    // http would let anyone on the way read it, so only a service on this machine may use it.
    if (url != null && !"https".equals(url.getScheme()) && !Settings.isLoopback(url)) {
      env.problem(
          "PARTNER_WEBHOOK_URL",
          "must be an https URL (plain http only to localhost), got '" + url + "'");
    }
    if (secret.isEmpty()) {
      env.problem(
          "PARTNER_WEBHOOK_SECRET",
          "is required when PARTNER_WEBHOOK_URL is set (or PARTNER_WEBHOOK_SECRET_FILE):"
              + " whsec_ followed by base64 of 24 to 64 random bytes (generate one with:"
              + " echo whsec_$(openssl rand -base64 32))");
    } else if (!wellFormed(secret.get())) {
      // The value itself is never quoted.
      env.problem(
          "PARTNER_WEBHOOK_SECRET",
          "must be whsec_ followed by base64 of "
              + MIN_SECRET_BYTES
              + " to "
              + MAX_SECRET_BYTES
              + " bytes (generate one with: echo whsec_$(openssl rand -base64 32))");
    }
    return new PartnerSettings(Optional.ofNullable(url), secret);
  }

  private static boolean wellFormed(String secret) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      return false;
    }
    try {
      int bytes = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
      return bytes >= MIN_SECRET_BYTES && bytes <= MAX_SECRET_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "PartnerSettings[url="
        + url.map(URI::toString).orElse("<unset>")
        + ", secret="
        + (secret.isPresent() ? "<set>" : "<unset>")
        + "]";
  }
}
