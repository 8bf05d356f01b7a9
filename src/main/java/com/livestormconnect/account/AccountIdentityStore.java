package com.livestormconnect.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/** Jakarta Security identity store over the account table, with PBKDF2 password hashes. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {
  @Inject AccountStore accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<Account> account = accounts.find(login.getCaller());
    String password = login.getPasswordAsString();
    if (account.isEmpty()) {
      accounts.verifyDecoy(password);
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!accounts.passwordMatches(account.get(), password)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Account found = account.get();
    return new CredentialValidationResult(found.getUsername(), accounts.groups(found));
  }
}
