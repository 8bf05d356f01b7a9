package com.livestormconnect.account;

import com.livestormconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Creates and finds accounts, and says which are administrators. */
@ApplicationScoped
public class AccountStore {
  public static final String USER = "user";
  public static final String ADMIN = "admin";

  @PersistenceContext
  EntityManager em;

  @Inject
  Pbkdf2PasswordHash passwordHash;

  @Inject
  Settings settings;

  /** Thrown when the username is already taken, whatever its case. */
  public static class UsernameTaken extends Exception {
    UsernameTaken() {
      super("username taken");
    }
  }

  // Kept at OWASP's recommendation for PBKDF2-HMAC-SHA512; stored hashes carry their own
  // parameters, so raising it later does not break existing accounts.
  private static final java.util.Map<String, String> HASH_PARAMETERS =
      java.util.Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations", "210000");

  private String decoyHash;

  @jakarta.annotation.PostConstruct
  void init() {
    passwordHash.initialize(HASH_PARAMETERS);
    decoyHash = passwordHash.generate("no-such-account".toCharArray());
  }

  @Transactional(rollbackOn = UsernameTaken.class)
  public Account create(SignUpForm form) throws UsernameTaken {
    if (find(form.username()).isPresent()) {
      throw new UsernameTaken();
    }
    Account account =
        new Account(form.username(), passwordHash.generate(form.password().toCharArray()),
            Clock.systemUTC().instant());
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException e) {
      // Two sign-ups raced for the same name: the unique index on username_key decided.
      throw new UsernameTaken();
    }
    return account;
  }

  public Optional<Account> find(String username) {
    return em.createNamedQuery("Account.byKey", Account.class)
        .setParameter("key", Account.key(username))
        .getResultStream()
        .findFirst();
  }

  public boolean passwordMatches(Account account, String password) {
    return passwordHash.verify(password.toCharArray(), account.getPasswordHash());
  }

  /**
   * Spends the time of a password check when the username is unknown, so that response times do
   * not reveal which usernames exist.
   */
  public void verifyDecoy(String password) {
    passwordHash.verify(password.toCharArray(), decoyHash);
  }

  /**
   * The first account ever created is an administrator, as is every one named in ADMIN_USERNAMES.
   * Deriving it (instead of storing a flag at sign-up) leaves no race between two first sign-ups.
   */
  public Set<String> groups(Account account) {
    Long first = em.createNamedQuery("Account.firstId", Long.class).getSingleResult();
    boolean admin = account.getId().equals(first)
        || settings.adminUsernames().contains(Account.key(account.getUsername()));
    return admin ? Set.of(USER, ADMIN) : Set.of(USER);
  }
}
