package com.livestormconnect.copy;

import com.livestormconnect.config.SyncSettings;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.GrantedScopes;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.LivestormScope;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.UpdatedWindow;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.token.TokenUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads Livestorm into the copy: the lists that are due, one page at a time (one page held in
 * memory), each page committed with its checkpoint ({@link Checkpoints}). Every call is background
 * work ({@link Access#background}) through the rate-limited client, and none is made once {@code
 * SYNC_QUOTA_SHARE} of the monthly quota is used (the sync then waits for the quota's reset and
 * says so). A list whose answer cannot be trusted is given up with its problem recorded, the copy
 * keeps what it had, and the sync goes on with the next list.
 */
@ApplicationScoped
public class Sync {
  private static final Logger LOG = Logger.getLogger(Sync.class.getName());
  static final int PAGE_SIZE = LivestormClient.MAX_PAGE_SIZE;

  /** A node's hold on an account; renewed with every page, so a dead node's expires soon. */
  static final Duration LEASE = Duration.ofSeconds(45);

  /** A list given up is tried again after this long. */
  static final Duration RETRY = Duration.ofMinutes(5);

  /** How long one run may go on before the account's turn passes (others wait on this node). */
  static final Duration TURN = Duration.ofMinutes(10);

  @Inject LivestormClient client;

  @Inject Checkpoints checkpoints;

  @Inject TokenStore tokens;

  @Inject CallBudget budget;

  @Inject SyncSettings settings;

  @Inject Clock clock;

  /** Why a run stops before its lists are done. */
  private static final class Stop extends RuntimeException {
    Stop(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Reads an event's sessions or a session's people in full now as background work, and returns
   * when the copy has them: true, or false when the sync's share of the monthly quota is used (the
   * connection page says until when), the account is not connected, or the list did not read as
   * Livestorm announced it (the problem is recorded). A {@link LivestormException} that stopped the
   * read is thrown as it is.
   */
  public boolean refresh(long accountId, Scope scope) {
    Optional<ConnectionSummary> connection = tokens.find(accountId);
    if (connection.isEmpty()) {
      return false;
    }
    try {
      withinShare(accountId, connection.get());
    } catch (Stop paused) {
      return false;
    }
    return readNow(accountId, scope, Access.background(accountId), true).isPresent();
  }

  /**
   * The same read for a person who pressed a page's "refresh": with their page-load priority and
   * outside the sync's share (they chose to spend those calls), so it works while the sync is
   * paused. Empty when the list did not read as Livestorm announced it (the problem is recorded and
   * the list keeps its last good rows).
   */
  public Optional<Refreshed> refreshAsked(long accountId, Scope scope) {
    return readNow(accountId, scope, Access.of(accountId), false);
  }

  /**
   * Reads {@code scope} in full outside its checkpoint (a read in progress of the scheduled sync is
   * left alone), each page committed as it comes; only after a complete read are the rows Livestorm
   * no longer lists removed and the list marked complete as of the read's start. With {@code
   * openChildren} the lists under rows that changed are due now (the sync's way); without, a
   * person's refresh spends nothing beyond its own list.
   */
  private Optional<Refreshed> readNow(
      long accountId, Scope scope, Access access, boolean openChildren) {
    Instant started = clock.instant();
    ScopeState state =
        new ScopeState(scope, null, false, null, null, 0, true, null, null, started, null, 0);
    long items = 0;
    Long announced = null;
    for (int page = 0; ; page++) {
      Page<JsonObject> answer = fetch(access, scope, UpdatedWindow.ALL, page);
      announced = announced == null ? answer.meta().recordCount() : announced;
      Checkpoints.PageDone done =
          checkpoints.commitPage(
              accountId,
              null,
              0,
              state,
              page,
              answer.items(),
              announced,
              false,
              false,
              openChildren,
              clock.millis());
      items += done.items();
      refusedRows(accountId, scope, done);
      if (last(answer, page)) {
        break;
      }
    }
    if (items == announced) {
      int removed =
          checkpoints.finish(
              accountId, null, state, nextRead(accountId, scope), clock.millis(), false);
      return Optional.of(new Refreshed(items, removed, started));
    }
    checkpoints.problem(
        accountId, scope, "read " + items + " rows of " + announced + " announced", clock.millis());
    return Optional.empty();
  }

  /** Every list read again in full, as for a new connection, from the scheduler's next turn. */
  public void backfillAgain(long accountId) {
    checkpoints.backfillAgain(accountId, clock.millis());
  }

  /**
   * One turn of the sync for an account whose lease {@code holder} holds: reads what is due until
   * nothing is, the turn is over, the quota share is used or the lease is lost.
   */
  void run(long accountId, String holder) {
    Instant end = clock.instant().plus(TURN);
    try {
      Optional<ConnectionSummary> found = tokens.find(accountId);
      if (found.isEmpty()) {
        return;
      }
      ConnectionSummary connection = found.get();
      if (connection.needsReconnect()) {
        checkpoints.accountProblem(
            accountId, "the connection needs reconnecting; the copy waits", clock.millis());
        return;
      }
      GrantedScopes granted = GrantedScopes.usable(connection);
      if (!granted.allows(LivestormScope.EVENTS_READ)) {
        checkpoints.nothingToSync(
            accountId, "nothing to sync: the connection was not granted events:read");
        return;
      }
      checkpoints.nothingToSync(accountId, null);
      withinShare(accountId, connection);
      if (checkpoints.organizationDue(accountId, clock.millis())) {
        organization(accountId, granted);
      }
      while (clock.instant().isBefore(end)) {
        List<ScopeState> due = checkpoints.due(accountId, clock.millis(), 50);
        if (due.isEmpty()) {
          break;
        }
        for (ScopeState state : due) {
          if (!clock.instant().isBefore(end) || Thread.currentThread().isInterrupted()) {
            return;
          }
          withinShare(accountId, connection);
          read(accountId, holder, state);
        }
      }
    } catch (Stop stop) {
      LOG.fine(() -> "Sync of account " + accountId + " stopped: " + stop.getMessage());
    } catch (Checkpoints.LeaseLost lost) {
      LOG.info(() -> "Sync of account " + accountId + " passed to another node");
    } catch (TokenUnavailable e) {
      checkpoints.accountProblem(
          accountId, "no usable token (" + e.getMessage() + "); the copy waits", clock.millis());
    } catch (CallBudget.Refusal refusal) {
      refused(accountId, refusal);
    }
  }

  /** Stops the run when the sync's share of the monthly quota is used, until the reset. */
  private void withinShare(long accountId, ConnectionSummary connection) {
    int share = settings.quotaSharePercent();
    CallBudget.Standing standing = budget.standing(connection.id());
    Integer used = standing.usedPercent();
    if (share == 0 || (used != null && used >= share)) {
      Instant until = standing.monthlyResetsAt().orElse(clock.instant().plus(Duration.ofHours(1)));
      checkpoints.pause(
          accountId,
          until.toEpochMilli(),
          share == 0
              ? "SYNC_QUOTA_SHARE is 0: the sync makes no calls"
              : "the sync's share of the monthly quota ("
                  + share
                  + " %) is used ("
                  + used
                  + " % used); it goes on when the quota resets");
      throw new Stop("quota share used");
    }
    checkpoints.pause(accountId, null, null);
  }

  private void refused(long accountId, CallBudget.Refusal refusal) {
    switch (refusal.reason()) {
      case QUOTA_USED_UP, BACKGROUND_SHARE_USED ->
          checkpoints.pause(
              accountId,
              refusal.until().orElse(clock.instant().plus(Duration.ofHours(1))).toEpochMilli(),
              refusal.getMessage());
      default -> LOG.fine(() -> "Sync of account " + accountId + ": " + refusal.getMessage());
    }
  }

  private void organization(long accountId, GrantedScopes granted) {
    JsonObject organization = null;
    JsonObject me = null;
    int calls = 0;
    try {
      calls++;
      me = client.meResource(Access.background(accountId));
      calls++;
      organization = client.organizationResource(Access.background(accountId));
    } catch (LivestormException e) {
      // Not granted, or not readable: the rest of the copy does not depend on it.
      LOG.fine(() -> "Account " + accountId + ": organization not read (" + e.getMessage() + ")");
    }
    checkpoints.organization(accountId, organization, me, calls, clock.millis());
  }

  /** Reads one list from its checkpoint (or from its start) to its end, a page per transaction. */
  private void read(long accountId, String holder, ScopeState state) {
    Scope scope = state.scope();
    Instant now = clock.instant();
    if (!state.reading()) {
      boolean active =
          scope.kind() == Scope.Kind.PEOPLE
              && checkpoints.activeSession(accountId, scope.parentId(), now);
      boolean full =
          Cadence.fullReadDue(
              scope, state.complete(), state.fullAt(), now, Cadence.fullEvery(scope, active));
      UpdatedWindow window = Cadence.window(full, state.asOf(), now);
      state =
          checkpoints.begin(accountId, scope, full, window.since(), window.until(), clock.millis());
    }
    if (state.readingPage() == Checkpoints.ALL_PAGES_READ) {
      end(accountId, holder, state);
      return;
    }
    UpdatedWindow window = new UpdatedWindow(state.readingSince(), state.readingUntil());
    for (int page = state.readingPage(); ; page++) {
      if (!checkpoints.renewLease(accountId, holder, clock.millis() + LEASE.toMillis())) {
        throw new Checkpoints.LeaseLost(accountId);
      }
      Page<JsonObject> answer;
      try {
        answer = fetch(accountId, scope, window, page);
      } catch (LivestormException e) {
        if (e.kind() == LivestormException.Kind.NOT_FOUND && scope.parentId() != null) {
          // The event or session is gone: the list under it with it, once the list holding it
          // has been read again in full.
          checkpoints.parentGone(accountId, scope, clock.millis());
          return;
        }
        giveUp(accountId, scope, "Livestorm's answer could not be used (" + e.getMessage() + ")");
        return;
      }
      long announced = answer.meta().recordCount();
      if (state.readingCount() != null && state.readingCount() != announced) {
        giveUp(
            accountId,
            scope,
            "the list changed while it was read (record_count "
                + state.readingCount()
                + ", then "
                + announced
                + "); read again");
        return;
      }
      boolean last = last(answer, page);
      if (answer.items().size() > PAGE_SIZE
          || (!last && answer.items().size() < Math.min(PAGE_SIZE, answer.meta().itemsPerPage()))) {
        giveUp(
            accountId,
            scope,
            "page " + page + " held " + answer.items().size() + " rows; the list shrank or grew");
        return;
      }
      Checkpoints.PageDone done =
          checkpoints.commitPage(
              accountId,
              holder,
              clock.millis() + LEASE.toMillis(),
              state,
              page,
              answer.items(),
              announced,
              last,
              true,
              true,
              clock.millis());
      state = done.state();
      refusedRows(accountId, scope, done);
      if (last) {
        end(accountId, holder, state);
        return;
      }
    }
  }

  /**
   * Ends a read whose pages are all committed: finished when it read as many rows as Livestorm
   * announced, else given up (nothing deleted, read again later).
   */
  private void end(long accountId, String holder, ScopeState state) {
    if (state.readingCount() != null && state.readingItems() != state.readingCount()) {
      giveUp(
          accountId,
          state.scope(),
          "read "
              + state.readingItems()
              + " rows where Livestorm announced "
              + state.readingCount()
              + "; the copy keeps what it had");
      return;
    }
    checkpoints.finish(
        accountId, holder, state, nextRead(accountId, state.scope()), clock.millis());
  }

  /** Rows of a page the copy could not keep: a problem of the list, kept after its read ends. */
  private void refusedRows(long accountId, Scope scope, Checkpoints.PageDone done) {
    if (done.refused() > 0) {
      checkpoints.problem(
          accountId, scope, done.refused() + " row(s) not kept: " + done.refusal(), clock.millis());
    }
  }

  private void giveUp(long accountId, Scope scope, String problem) {
    LOG.log(Level.INFO, "Sync of account {0}, {1}: {2}", new Object[] {accountId, scope, problem});
    checkpoints.abandon(
        accountId, scope, problem, clock.millis(), clock.millis() + RETRY.toMillis());
  }

  private Instant nextRead(long accountId, Scope scope) {
    Instant now = clock.instant();
    boolean active =
        scope.kind() == Scope.Kind.PEOPLE
            && checkpoints.activeSession(accountId, scope.parentId(), now);
    return Cadence.nextRead(scope, active, now, settings.interval());
  }

  private static boolean last(Page<JsonObject> answer, int page) {
    // Never past page_count: Livestorm answers 400 for a page that does not exist.
    return answer.meta().isLast()
        || answer.items().isEmpty()
        || page + 1 >= answer.meta().pageCount();
  }

  private Page<JsonObject> fetch(long accountId, Scope scope, UpdatedWindow window, int page) {
    return fetch(Access.background(accountId), scope, window, page);
  }

  private Page<JsonObject> fetch(Access access, Scope scope, UpdatedWindow window, int page) {
    return switch (scope.kind()) {
      case EVENTS -> client.eventResources(access, window, page, PAGE_SIZE);
      case SESSIONS ->
          scope.parentId() == null
              ? client.sessionResources(access, window, page, PAGE_SIZE)
              : client.eventSessionResources(access, scope.parentId(), window, page, PAGE_SIZE);
      case PEOPLE ->
          client.sessionPeopleResources(access, scope.parentId(), window, page, PAGE_SIZE);
    };
  }
}
