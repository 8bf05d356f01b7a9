package com.livestormconnect.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The re-encryption pass of a key rotation: rewrites every connection whose tokens are still under
 * a retired key, or in the first format ({@code v1.}, before the account was bound into the
 * associated data), with the current key and format, one row per small transaction under its row
 * lock (see {@link TokenStore#reencrypt}), so it is safe while users refresh tokens on any number
 * of nodes. {@link #status} tells the operator how many rows each retired key or old format still
 * holds: a retired key can be removed from TOKEN_ENCRYPTION_RETIRED_KEYS once it holds none.
 */
@ApplicationScoped
public class TokenReencryption {
  private static final Logger LOG = Logger.getLogger(TokenReencryption.class.getName());

  /** Rows still written with {@code format} and {@code keyId} (a row may count under two). */
  public record Stale(String format, String keyId, boolean keyKnown, long rows) {}

  /** All rows, those fully current, and the others grouped by what they were written with. */
  public record Status(long rows, long current, String currentKeyId, List<Stale> stale) {}

  /** What one pass did: rows rewritten, and rows that could not be (unknown key, tampered). */
  public record Pass(int reencrypted, int failed) {}

  @PersistenceContext EntityManager em;

  @Inject TokenStore store;

  @Inject TokenCipher cipher;

  @Transactional
  public Status status() {
    return status(cipher);
  }

  /** The status as {@code with} sees it (for a rotation's dry run, and tests). */
  @Transactional
  public Status status(TokenCipher with) {
    // Only the prefixes ("v2.<key id>."): no ciphertext leaves the database for this.
    List<Object[]> prefixes =
        em.createQuery(
                "SELECT SUBSTRING(c.accessTokenCiphertext, 1, 12),"
                    + " SUBSTRING(c.refreshTokenCiphertext, 1, 12) FROM LivestormConnection c",
                Object[].class)
            .getResultList();
    Map<String, Long> byWriter = new TreeMap<>();
    long current = 0;
    for (Object[] row : prefixes) {
      Set<String> writers = new TreeSet<>();
      for (Object value : row) {
        if (value != null && !with.isCurrent((String) value)) {
          writers.add(TokenCipher.writtenWith((String) value));
        }
      }
      current += writers.isEmpty() ? 1 : 0;
      writers.forEach(w -> byWriter.merge(w, 1L, Long::sum));
    }
    List<Stale> stale =
        byWriter.entrySet().stream()
            .map(
                e -> {
                  String[] parts = e.getKey().split("\\.", 2);
                  String keyId = parts.length == 2 ? parts[1] : "";
                  return new Stale(parts[0], keyId, with.knows(keyId), e.getValue());
                })
            .toList();
    return new Status(prefixes.size(), current, with.currentKeyId(), stale);
  }

  /** Runs the pass with the app's cipher (the admin action). */
  public Pass run() {
    return run(cipher);
  }

  /**
   * The pass with another cipher (for tests, or a one-off tool); each row in its own transaction.
   */
  public Pass run(TokenCipher with) {
    int reencrypted = 0;
    int failed = 0;
    for (String id : store.idsNotStartingWith(with.currentPrefix())) {
      try {
        if (store.reencrypt(id, with)) {
          reencrypted++;
        }
      } catch (RuntimeException e) {
        // Undecryptable (its key is unknown, or it was tampered with): left as it is, reported.
        failed++;
        LOG.warning(
            () ->
                "Connection "
                    + id
                    + " could not be re-encrypted ("
                    + e.getClass().getSimpleName()
                    + ")");
      }
    }
    int done = reencrypted;
    int notDone = failed;
    LOG.info(
        () ->
            "Token re-encryption pass: "
                + done
                + " connection(s) moved to key "
                + with.currentKeyId()
                + ", "
                + notDone
                + " could not be");
    return new Pass(reencrypted, failed);
  }
}
