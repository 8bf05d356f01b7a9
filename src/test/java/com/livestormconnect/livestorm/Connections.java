package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.account.SignUpForm;
import com.livestormconnect.token.LivestormIdentity;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.Scope;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * In-container fixture for client tests: new accounts connected to the sandbox, a way to make our
 * copy of a token look about to expire, and the sandbox's counters.
 */
final class Connections {
  private Connections() {}

  static URI appBase() {
    return URI.create(System.getProperty("APP_BASE_URL"));
  }

  /** A new account connected to the sandbox with these scopes; returns its id. */
  static long connected(AccountStore accounts, TokenStore tokens, String scopes) throws Exception {
    long accountId =
        accounts
            .create(
                SignUpForm.of(
                    "client-" + UUID.randomUUID().toString().substring(0, 8),
                    "a long enough password"))
            .getId();
    var response = SandboxGrant.obtain(appBase(), scopes).toSuccessResponse();
    tokens.save(
        accountId,
        tokens.connectionIdFor(accountId),
        Scope.parse(scopes),
        TokenSet.from(response, Scope.parse(scopes), Instant.now()),
        LivestormIdentity.UNKNOWN);
    return accountId;
  }

  /** Makes our copy of the account's token expire in {@code seconds}, as if issued for 2 hours. */
  static void expireSoon(DataSource dataSource, long accountId, long seconds) throws Exception {
    Instant expires = Instant.now().plusSeconds(seconds);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE livestorm_connection SET access_expires_at = ?,"
                    + " token_received_at = ? WHERE account_id = ?")) {
      s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(expires, ZoneOffset.UTC)));
      s.setTimestamp(
          2,
          Timestamp.valueOf(LocalDateTime.ofInstant(expires.minusSeconds(7200), ZoneOffset.UTC)));
      s.setLong(3, accountId);
      assertEquals(1, s.executeUpdate());
    }
  }

  /** One of the sandbox's counters (GET /sandbox/control/stats), e.g. refreshes, rate_limited. */
  static long sandboxCounter(String name) {
    return new SandboxControl(appBase()).counter(name);
  }
}
