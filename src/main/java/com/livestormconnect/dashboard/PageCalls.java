package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.RecentAnswers;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Livestorm calls of one page: answered from the connection's {@link RecentAnswers} when a
 * recent one exists (unless the user asked for a refresh), otherwise made, and when a page has
 * several independent calls, made side by side so that the page waits for Livestorm once.
 *
 * <p>{@link #start} hands the call to the container's managed executor; {@link Later#get} runs it
 * in the request's own thread if no pool thread has taken it yet, so a busy pool (exports) makes a
 * page sequential again, never stuck.
 *
 * <p>Why nothing here or in the request may use a non-transactional EntityManager: on Payara a
 * managed task (a page's call here, an export job) shares the component invocation of the request
 * that submitted it, and when the task ends it closes that invocation's non-transactional
 * EntityManagers, under the request or a neighbouring task still reading with them ("Attempting to
 * execute an operation on a closed EntityManager"). A transaction-scoped EntityManager belongs to
 * its transaction alone. So the calls started here read tokens in a transaction ({@code
 * TokenStore.current}), and a page reads what it needs from the database in one ({@link
 * DashboardPages#open}) before it starts any call.
 */
public final class PageCalls {
  private final Executor executor;
  private final RecentAnswers answers;
  private final Optional<RecentAnswers.Owner> owner;
  private final boolean refresh;
  private final PageProblems problems;
  private Instant oldestCached;
  private Instant lastGiven;

  PageCalls(
      Executor executor,
      RecentAnswers answers,
      Optional<RecentAnswers.Owner> owner,
      boolean refresh,
      PageProblems problems) {
    this.executor = executor;
    this.answers = answers;
    this.owner = owner;
    this.refresh = refresh;
    this.problems = problems;
  }

  /** No cache, no executor: every call made in the caller's thread. */
  static PageCalls direct(PageProblems problems) {
    return new PageCalls(null, null, Optional.empty(), false, problems);
  }

  /** A call under way; {@link #get} waits for it and notes a failure on the page. */
  public final class Later<T> {
    private final RecentAnswers.Answer known;
    private final FutureTask<RecentAnswers.Answer> task;

    private Later(RecentAnswers.Answer known, FutureTask<RecentAnswers.Answer> task) {
      this.known = known;
      this.task = task;
    }

    /** The answer, or empty (and a message for the page) when Livestorm did not give one. */
    @SuppressWarnings("unchecked")
    public Optional<T> get() {
      RecentAnswers.Answer answer = answer();
      return answer == null ? Optional.empty() : Optional.ofNullable((T) answer.value());
    }

    /** When Livestorm gave the answer (now, or earlier when it came from the cache). */
    public Optional<Instant> fetchedAt() {
      return Optional.ofNullable(answer()).map(RecentAnswers.Answer::fetchedAt);
    }

    private RecentAnswers.Answer answer() {
      if (known != null) {
        return usedFromCache(known);
      }
      task.run(); // a no-op when a pool thread has it already
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problems.note(
            new LivestormException(
                LivestormException.Kind.UNAVAILABLE,
                "(page)",
                0,
                "interrupted while waiting for Livestorm",
                e));
        return null;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof LivestormException failure) {
          problems.note(failure);
          return null;
        }
        if (e.getCause() instanceof RuntimeException unexpected) {
          throw unexpected;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Starts {@code call} (a name that identifies the request and its parameters) alongside others.
   */
  public <T> Later<T> start(String call, Supplier<T> fetch) {
    Later<T> later = prepare(call, fetch);
    if (later.task != null && executor != null) {
      try {
        executor.execute(later.task);
      } catch (RejectedExecutionException full) {
        // Run by get() in the request's thread instead.
      }
    }
    return later;
  }

  /** A call made in this thread when its answer is asked for (or its recent answer). */
  public <T> Later<T> inline(String call, Supplier<T> fetch) {
    return prepare(call, fetch);
  }

  /** Makes {@code call} now, in this thread (or finds its recent answer). */
  public <T> Optional<T> fetch(String call, Supplier<T> fetch) {
    return this.<T>prepare(call, fetch).get();
  }

  /**
   * Makes {@code call} now, in this thread (or finds its recent answer), and lets Livestorm's
   * refusal reach the caller instead of noting it on the page: for callers that handle some
   * refusals themselves ({@link ListPages}: a 400 for a page past the end).
   */
  @SuppressWarnings("unchecked")
  public <T> T fetchOrThrow(String call, Supplier<T> fetch) {
    RecentAnswers.Answer answer =
        recent(call).map(this::usedFromCache).orElseGet(() -> live(call, fetch));
    lastGiven = answer.fetchedAt();
    return (T) answer.value();
  }

  /**
   * {@link #keepEach(Later, Collection, Function)} for the answer {@link #fetchOrThrow} gave last.
   */
  public <T> List<T> keepEachOfLast(Collection<T> items, Function<T, String> callOf) {
    return keepEach(Optional.ofNullable(lastGiven), items, callOf);
  }

  /**
   * Keeps the items of a list answer (the events of a page of events) as the answers to their own
   * calls, given when the list was: opening one of them then costs no call.
   */
  public <T> List<T> keepEach(Later<?> answer, Collection<T> items, Function<T, String> callOf) {
    return keepEach(answer.fetchedAt(), items, callOf);
  }

  private <T> List<T> keepEach(
      Optional<Instant> at, Collection<T> items, Function<T, String> callOf) {
    if (answers != null && owner.isPresent() && at.isPresent()) {
      items.forEach(item -> answers.keep(owner.get(), callOf.apply(item), item, at.get()));
    }
    return List.copyOf(items);
  }

  /** When the oldest answer this page used from the cache was given; empty when all were live. */
  public Optional<Instant> oldestCached() {
    return Optional.ofNullable(oldestCached);
  }

  private <T> Later<T> prepare(String call, Supplier<T> fetch) {
    return recent(call)
        .map(known -> new Later<T>(known, null))
        .orElseGet(() -> new Later<>(null, new FutureTask<>(() -> live(call, fetch))));
  }

  /** The connection's recent answer to {@code call}, unless the user asked for a refresh. */
  private Optional<RecentAnswers.Answer> recent(String call) {
    return answers != null && owner.isPresent() && !refresh
        ? answers.find(owner.get(), call)
        : Optional.empty();
  }

  /** Makes the call and keeps its answer for the connection. */
  private <T> RecentAnswers.Answer live(String call, Supplier<T> fetch) {
    T value = fetch.get();
    Instant at = Instant.now();
    if (answers != null) {
      owner.ifPresent(o -> answers.keep(o, call, value, at));
    }
    return new RecentAnswers.Answer(value, at);
  }

  /** Notes that the page used an answer from the cache (its age is shown). */
  private RecentAnswers.Answer usedFromCache(RecentAnswers.Answer known) {
    if (oldestCached == null || known.fetchedAt().isBefore(oldestCached)) {
      oldestCached = known.fetchedAt();
    }
    return known;
  }
}
