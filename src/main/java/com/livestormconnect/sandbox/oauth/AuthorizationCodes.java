package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issued authorization codes: 10 minutes to live, single use (Doorkeeper defaults). */
@ApplicationScoped
public class AuthorizationCodes {
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** One issued code, like a row of Doorkeeper's oauth_access_grants. */
  public record Grant(
      String code,
      String clientId,
      String redirectUri,
      List<String> scopes,
      String codeChallenge,
      String codeChallengeMethod,
      Instant issuedAt,
      boolean revoked) {

    boolean usableAt(Instant now) {
      return !revoked && now.isBefore(issuedAt.plus(LIFETIME));
    }
  }

  @Inject SandboxClock clock;

  private final Map<String, Grant> grants = new HashMap<>();

  public synchronized String issue(String clientId, ConsentRequest request) {
    Instant now = clock.now();
    // Keep memory bounded: a code an hour past its expiry can only ever be refused.
    grants
        .values()
        .removeIf(g -> g.issuedAt().plus(LIFETIME).plus(Duration.ofHours(1)).isBefore(now));
    String code = RandomTokens.next();
    grants.put(
        code,
        new Grant(
            code,
            clientId,
            request.redirectUri(),
            request.scopes(),
            request.codeChallenge(),
            request.codeChallengeMethod(),
            now,
            false));
    return code;
  }

  public synchronized Optional<Grant> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(grants.get(code));
  }

  /**
   * Marks the code used; false when it is no longer usable (expired, or used by a racing request).
   */
  public synchronized boolean redeem(String code) {
    Grant grant = grants.get(code);
    if (grant == null || !grant.usableAt(clock.now())) {
      return false;
    }
    grants.put(
        code,
        new Grant(
            grant.code(),
            grant.clientId(),
            grant.redirectUri(),
            grant.scopes(),
            grant.codeChallenge(),
            grant.codeChallengeMethod(),
            grant.issuedAt(),
            true));
    return true;
  }

  boolean usable(Grant grant) {
    return grant.usableAt(clock.now());
  }
}
