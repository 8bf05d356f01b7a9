package com.livestormconnect.account;

import com.livestormconnect.config.OwnerOnlyFiles;
import com.livestormconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * How the first administrator is made: something only the operator has. While no account is a
 * stored administrator, the cluster has one setup code, kept in the database as a hash (table
 * {@code admin_setup}): the first node to start makes it and writes it to its own {@code
 * DATA_DIR/admin-setup-code} (rw-------), never to the log; every node logs which node's file holds
 * it. Signing up with it creates an administrator and spends it, in one transaction under the row's
 * lock, which re-checks that no administrator exists: the code is dead everywhere once used or once
 * any administrator exists. At start-up, accounts that already exist and are named in
 * ADMIN_USERNAMES are made administrators; a listed name without an account is not reserved, so a
 * stranger who signs up with it later gets an ordinary account.
 */
@ApplicationScoped
public class AdminSetup {
  static final String FILE_NAME = "admin-setup-code";
  private static final Logger LOG = Logger.getLogger(AdminSetup.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AccountStore accounts;

  @Inject Settings settings;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    int promoted = accounts.promoteExisting(settings.adminUsernames());
    if (promoted > 0) {
      LOG.info(() -> promoted + " account(s) named in ADMIN_USERNAMES are administrators");
    }
    Path file = file();
    String here = holder();
    try {
      String holder =
          accounts.underSetupLock(
              row -> {
                if (accounts.administratorCount() > 0) {
                  row.spent();
                  return null;
                }
                // A code stays while its file does: a node whose file was lost (a new volume)
                // makes a fresh one, since nobody else can read the old one.
                if (row.getCodeHash() != null
                    && !(here.equals(row.getHolder()) && !Files.exists(file))) {
                  return row.getHolder();
                }
                String fresh = fresh();
                try {
                  write(file, fresh);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                row.pending(hash(fresh), here);
                return here;
              });
      if (holder == null) {
        deleteFile();
        return;
      }
      if (!holder.equals(here)) {
        deleteFile();
      }
      LOG.warning(
          "No administrator yet. The one-time setup code that makes the first administrator is"
              + " in the file "
              + holder
              + " (readable by the app's user only); sign up at "
              + settings.appBaseUrl()
              + "/signup with it.");
    } catch (AccountStore.UsernameTaken impossible) {
      throw new IllegalStateException("no account is created at start-up", impossible);
    } catch (UncheckedIOException e) {
      LOG.warning(
          () ->
              "Could not write the administrator setup code to "
                  + file
                  + " ("
                  + e.getCause().getClass().getSimpleName()
                  + "); no code was made. Make DATA_DIR writable and restart this node.");
    }
  }

  /** Whether a setup code is waiting to be used (no administrator exists yet), on any node. */
  public boolean isPending() {
    SetupCode row = accounts.setupCode();
    boolean pending =
        row != null && row.getCodeHash() != null && accounts.administratorCount() == 0;
    if (!pending && Files.exists(file())) {
      // Spent on another node, or an administrator appeared: this node's copy is worthless.
      deleteFile();
    }
    return pending;
  }

  /**
   * Creates the first administrator if {@code given} is the pending code, and spends the code, in
   * one transaction under the setup row's lock: of two concurrent redemptions on any nodes, one
   * makes an administrator and the other finds the code spent. Empty when the code is wrong, spent,
   * or an administrator exists already.
   */
  public Optional<Account> createFirstAdministrator(SignUpForm form, String given)
      throws AccountStore.UsernameTaken {
    Optional<Account> created =
        accounts.underSetupLock(
            row ->
                redeem(row, given) ? Optional.of(accounts.create(form, true)) : Optional.empty());
    if (created.isPresent()) {
      deleteFile();
    }
    return created;
  }

  /**
   * Spends the code if {@code given} is it (constant-time comparison of the hashes) and no
   * administrator exists; true at most once per code. The caller holds the row's lock.
   */
  private boolean redeem(SetupCode row, String given) {
    String expected = row.getCodeHash();
    if (expected == null
        || given == null
        || given.isBlank()
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            hash(given.trim()).getBytes(StandardCharsets.US_ASCII))
        || accounts.administratorCount() > 0) {
      return false;
    }
    row.spent();
    return true;
  }

  /** Which node's file holds the code: the host's name and the file's absolute path. */
  private String holder() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "this host";
      }
    }
    return host + ":" + file().toAbsolutePath();
  }

  static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
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
