package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.LivestormException.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What went wrong while one page talked to Livestorm. Each failed call leaves a message (one per
 * kind of failure, as {@code problem.<KIND>} keys) and the page renders everything else, so a
 * Livestorm outage costs a section, never the whole page.
 */
public final class PageProblems {
  private static final Logger LOG = Logger.getLogger(PageProblems.class.getName());
  private static final Set<Kind> RECONNECT = EnumSet.of(Kind.NEEDS_RECONNECT, Kind.UNAUTHORIZED);

  private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);

  /** The call's answer, or empty (and a message for the page) when Livestorm did not give one. */
  public <T> Optional<T> attempt(Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (LivestormException e) {
      note(e);
      return Optional.empty();
    }
  }

  /** Runs a call that answers nothing; false when it failed. */
  public boolean attempt(Runnable call) {
    return attempt(
            () -> {
              call.run();
              return Boolean.TRUE;
            })
        .isPresent();
  }

  public void note(LivestormException e) {
    // The message names the endpoint and status, never a token (LivestormException's contract).
    LOG.log(
        e.kind() == Kind.UNAVAILABLE || e.kind() == Kind.MALFORMED ? Level.WARNING : Level.FINE,
        "Livestorm call failed: " + e.kind() + " " + e.getMessage());
    kinds.add(e.kind());
  }

  public boolean has(Kind kind) {
    return kinds.contains(kind);
  }

  /** Message keys for the layout, in a stable order. */
  public List<String> messages() {
    List<String> keys = new ArrayList<>();
    kinds.forEach(k -> keys.add("problem." + k.name()));
    return keys;
  }

  /** Whether the user must connect again before anything works. */
  public boolean needsReconnect() {
    return kinds.stream().anyMatch(RECONNECT::contains);
  }

  public boolean isEmpty() {
    return kinds.isEmpty();
  }
}
