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

  @PersistenceContext EntityManager em;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject Settings settings;

  @Inject Clock clock;

  /** Thrown when the username is already taken, whatever its case. */
  public static class UsernameTaken extends Exception {
    UsernameTaken() {
      super("username taken");
    }
  }

  // Kept at OWASP's recommendation for PBKDF2-HMAC-SHA512; stored hashes carry their own
  // parameters, so raising it later does not break existing accounts.
  private static final java.util.Map<String, String> HASH_PARAMETERS =
      java.util.Map.of(
          "Pbkdf2PasswordHash.Algorithm",
          "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations",
          "210000");

  private String decoyHash;

  @jakarta.annotation.PostConstruct
  void init() {
    passwordHash.initialize(HASH_PARAMETERS);
    decoyHash = passwordHash.generate("no-such-account".toCharArray());
  }

  /** Thrown when a change would leave no administrator. */
  public static class LastAdministrator extends Exception {
    LastAdministrator() {
      super("last administrator");
    }
  }

  /** Thrown when an administrator account would be made while one exists already. */
  public static class AdministratorExists extends IllegalStateException {
    AdministratorExists() {
      super("an administrator exists already: the first one is made only once");
    }
  }

  /** Work done while holding the setup code's row lock (see {@link #underSetupLock}). */
  public interface SetupWork<T> {
    T run(SetupCode row) throws UsernameTaken;
  }

  // Transactional itself: the call below does not pass through the interceptor.
  @Transactional(rollbackOn = UsernameTaken.class)
  public Account create(SignUpForm form) throws UsernameTaken {
    return create(form, false);
  }

  /**
   * Creates the account. The password is hashed before the name is looked up, so that a taken name
   * costs as much time as a new one. An administrator is created only while none exists, under the
   * setup code's row lock: two first administrators racing on any nodes make one.
   */
  @Transactional(rollbackOn = UsernameTaken.class)
  public Account create(SignUpForm form, boolean administrator) throws UsernameTaken {
    String hash = passwordHash.generate(form.password().toCharArray());
    if (administrator) {
      lockSetupCode();
      if (administratorCount() > 0) {
        throw new AdministratorExists();
      }
    }
    if (find(form.username()).isPresent()) {
      throw new UsernameTaken();
    }
    Account account = new Account(form.username(), hash, clock.instant());
    account.setAdministrator(administrator);
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException e) {
      // Two sign-ups raced for the same name: the unique index on username_key decided.
      throw new UsernameTaken();
    }
    return account;
  }

  /**
   * Runs {@code work} in a transaction that holds the setup code's row lock, which every creation
   * of an administrator account takes too: on every node, one at a time.
   */
  @Transactional(rollbackOn = UsernameTaken.class)
  public <T> T underSetupLock(SetupWork<T> work) throws UsernameTaken {
    return work.run(lockSetupCode());
  }

  /** The setup code's row as stored now (no lock). */
  SetupCode setupCode() {
    return em.find(SetupCode.class, SetupCode.ROW);
  }

  private SetupCode lockSetupCode() {
    return em.find(
        SetupCode.class, SetupCode.ROW, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
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
   * Spends the time of a password check when the username is unknown, so that response times do not
   * reveal which usernames exist.
   */
  public void verifyDecoy(String password) {
    passwordHash.verify(password.toCharArray(), decoyHash);
  }

  /**
   * An account is an administrator when it is stored as one (setup code, another administrator, or
   * ADMIN_USERNAMES at start-up). In sandbox mode on a loopback APP_BASE_URL only, for convenience,
   * the first account ever created and every name in ADMIN_USERNAMES are too (derived, so that two
   * first sign-ups do not race).
   */
  public Set<String> groups(Account account) {
    boolean admin = account.isAdministrator();
    if (!admin && settings.firstAccountIsAdmin()) {
      Long first = em.createNamedQuery("Account.firstId", Long.class).getSingleResult();
      admin =
          account.getId().equals(first)
              || settings.adminUsernames().contains(Account.key(account.getUsername()));
    }
    return admin ? Set.of(USER, ADMIN) : Set.of(USER);
  }

  public long administratorCount() {
    return em.createNamedQuery("Account.administrators", Long.class).getSingleResult();
  }

  public java.util.List<Account> all() {
    return em.createNamedQuery("Account.all", Account.class).getResultList();
  }

  /** Makes the existing accounts among {@code usernames} administrators; how many changed. */
  @Transactional
  public int promoteExisting(Set<String> usernames) {
    int changed = 0;
    for (String name : usernames) {
      Optional<Account> account = find(name);
      if (account.isPresent() && !account.get().isAdministrator()) {
        account.get().setAdministrator(true);
        changed++;
      }
    }
    return changed;
  }

  /**
   * Promotes or demotes; refuses to demote the last stored administrator. The table is locked for
   * the count so that two administrators demoting each other cannot both succeed.
   */
  @Transactional(rollbackOn = LastAdministrator.class)
  public boolean setAdministrator(String username, boolean administrator) throws LastAdministrator {
    Optional<Account> found = find(username);
    if (found.isEmpty()) {
      return false;
    }
    Account account = found.get();
    em.lock(account, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (!administrator && account.isAdministrator()) {
      java.util.List<Account> admins =
          em.createQuery("SELECT a FROM Account a WHERE a.administrator = TRUE", Account.class)
              .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
              .getResultList();
      if (admins.size() <= 1) {
        throw new LastAdministrator();
      }
    }
    account.setAdministrator(administrator);
    return true;
  }
}
