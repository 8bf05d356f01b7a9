package com.livestormconnect.sandbox.control;

import com.livestormconnect.sandbox.SandboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The secret that opens the test controls: SANDBOX_CONTROL_KEY when the operator (or the build)
 * sets one, otherwise 32 random bytes generated at every start into {@code
 * DATA_DIR/sandbox-control-key} (owner read/write only). Whoever can read that file runs the
 * server, so only the operator and the tests can move the clock or inject faults; a web page cannot
 * send the {@value #HEADER} header cross-site without a CORS preflight, which we never answer.
 */
@ApplicationScoped
public class ControlKey {
  public static final String HEADER = "X-Sandbox-Control-Key";
  static final String FILE = "sandbox-control-key";
  private static final Logger LOG = Logger.getLogger(ControlKey.class.getName());

  private volatile byte[] key;

  /** Generated at start-up in sandbox mode, so that the file is there before the first test. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (SandboxSettings.current().enabled()) {
      key();
    }
  }

  /** Constant-time comparison of the presented key with ours; null or blank is never right. */
  public boolean matches(String presented) {
    if (presented == null || presented.isBlank()) {
      return false;
    }
    return MessageDigest.isEqual(key(), presented.trim().getBytes(StandardCharsets.UTF_8));
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = load(ControlKey::lookup);
        }
        k = key;
      }
    }
    return k;
  }

  /** The configured key, or a new one written to DATA_DIR (for tests: settings from a lookup). */
  static byte[] load(UnaryOperator<String> lookup) {
    String configured = lookup.apply("SANDBOX_CONTROL_KEY");
    if (configured != null) {
      LOG.info("Sandbox test controls: key from SANDBOX_CONTROL_KEY (header " + HEADER + ")");
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    String dataDir = lookup.apply("DATA_DIR");
    Path file =
        Path.of(dataDir == null ? "data" : dataDir).toAbsolutePath().normalize().resolve(FILE);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    write(file, generated);
    LOG.info(
        () ->
            "Sandbox test controls: a new key was generated into "
                + file
                + " (send it in the "
                + HEADER
                + " header; it changes at every start)");
    return generated.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Replaces the file with one created owner-only, so the key is never briefly readable by others.
   */
  static void write(Path file, String key) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(
          file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox control key to " + file, e);
    }
  }

  /** The app's rule: a system property wins over the environment variable of the same name. */
  private static String lookup(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
