package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.LivestormException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The live Livestorm calls of one page (what the local copy does not hold yet), and when a page has
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
  private final PageProblems problems;

  PageCalls(Executor executor, PageProblems problems) {
    this.executor = executor;
    this.problems = problems;
  }

  /** No executor: every call made in the caller's thread. */
  static PageCalls direct(PageProblems problems) {
    return new PageCalls(null, problems);
  }

  /** A call under way; {@link #get} waits for it and notes a failure on the page. */
  public final class Later<T> {
    private final FutureTask<T> task;

    private Later(FutureTask<T> task) {
      this.task = task;
    }

    /** The answer, or empty (and a message for the page) when Livestorm did not give one. */
    public Optional<T> get() {
      task.run(); // a no-op when a pool thread has it already
      try {
        return Optional.ofNullable(task.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problems.note(
            new LivestormException(
                LivestormException.Kind.UNAVAILABLE,
                "(page)",
                0,
                "interrupted while waiting for Livestorm",
                e));
        return Optional.empty();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof LivestormException failure) {
          problems.note(failure);
          return Optional.empty();
        }
        if (e.getCause() instanceof RuntimeException unexpected) {
          throw unexpected;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** Starts {@code fetch} alongside the page's other calls. */
  public <T> Later<T> start(Supplier<T> fetch) {
    Later<T> later = new Later<>(new FutureTask<>(fetch::get));
    if (executor != null) {
      try {
        executor.execute(later.task);
      } catch (RejectedExecutionException full) {
        // Run by get() in the request's thread instead.
      }
    }
    return later;
  }
}
