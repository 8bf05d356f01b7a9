package com.livestormconnect.account;

import com.livestormconnect.config.OwnerOnlyFiles;
import com.livestormconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * How the first administrator is made: something only the operator has. While no account is a
 * stored administrator, a one-time setup code is made at start-up, written once to the log and to
 * {@code DATA_DIR/admin-setup-code} (rw-------); signing up with it creates an administrator and
 * spends it. At start-up, accounts that already exist and are named in ADMIN_USERNAMES are made
 * administrators; a listed name without an account is not reserved, so a stranger who signs up with
 * it later gets an ordinary account.
 */
@ApplicationScoped
public class AdminSetup {
  static final String FILE_NAME = "admin-setup-code";
  private static final Logger LOG = Logger.getLogger(AdminSetup.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AccountStore accounts;

  @Inject Settings settings;

  private final AtomicReference<String> code = new AtomicReference<>();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    int promoted = accounts.promoteExisting(settings.adminUsernames());
    if (promoted > 0) {
      LOG.info(() -> promoted + " account(s) named in ADMIN_USERNAMES are administrators");
    }
    if (accounts.administratorCount() > 0) {
      deleteFile();
      return;
    }
    String fresh = fresh();
    code.set(fresh);
    Path file = file();
    try {
      write(file, fresh);
    } catch (IOException | RuntimeException e) {
      LOG.warning(
          () ->
              "Could not write the administrator setup code to "
                  + file
                  + " ("
                  + e.getClass().getSimpleName()
                  + "); it is in this log only");
    }
    LOG.warning(
        "No administrator yet. Sign up at "
            + settings.appBaseUrl()
            + "/signup with this"
            + " one-time setup code to become the first administrator: "
            + fresh
            + " (also in "
            + file
            + ")");
  }

  /** Whether a setup code is waiting to be used (no administrator exists yet). */
  public boolean isPending() {
    return code.get() != null;
  }

  /**
   * Spends the code if {@code given} is it (constant-time comparison); true at most once per code.
   * {@link #restore} gives it back when the account could not be created after all.
   */
  public boolean redeem(String given) {
    String expected = code.get();
    if (expected == null
        || given == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            given.trim().getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    return code.compareAndSet(expected, null);
  }

  void restore(String given) {
    code.compareAndSet(null, given.trim());
  }

  /** Called once the administrator exists: the file has served its purpose. */
  void spent() {
    deleteFile();
  }

  private Path file() {
    return settings.dataDir().resolve(FILE_NAME);
  }

  static void write(Path file, String code) throws IOException {
    OwnerOnlyFiles.replace(file, code + "\n");
  }

  private void deleteFile() {
    try {
      Files.deleteIfExists(file());
    } catch (IOException e) {
      LOG.warning(() -> "Could not delete " + file() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String fresh() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
