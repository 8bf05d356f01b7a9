package com.livestormconnect.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The id of the signed-in account. Every connect operation is keyed by it, so nobody can reach
 * another account's connection by naming it: there is no parameter to name one.
 */
@ApplicationScoped
public class CurrentAccount {
  @Inject AccountStore accounts;

  public long id(HttpServletRequest request) {
    String username = request.getRemoteUser();
    if (username == null) {
      throw new IllegalStateException("not signed in; web.xml protects this page");
    }
    return accounts
        .find(username)
        .orElseThrow(() -> new IllegalStateException("account vanished"))
        .getId();
  }
}
