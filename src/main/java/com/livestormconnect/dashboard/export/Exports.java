package com.livestormconnect.dashboard.export;

import com.livestormconnect.config.OwnerOnlyFiles;
import com.livestormconnect.config.Settings;
import com.livestormconnect.copy.CopyPage;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.copy.PeopleQuery;
import com.livestormconnect.copy.Scope;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.AllPages;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.PageMeta;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.token.ConnectionRemoved;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Background exports of a session's people to {@code DATA_DIR/exports}. A job runs on the
 * container's managed executor (so the container owns, names and stops the threads), reads the
 * local copy when it holds every person of the session (no Livestorm call; the job says "as of")
 * unless asked to read live, else pulls one page of 50 at a time through the rate-limited client,
 * and writes each row straight to the file, so memory stays flat whatever the size. {@link
 * ExportQueue} bounds the jobs: {@value #MAX_RUNNING} running at once, {@value
 * #MAX_RUNNING_PER_USER} per user, {@value #MAX_WAITING} waiting, and {@value #MAX_PER_USER}
 * waiting or running per user; beyond that a new export is refused with the reason. Jobs are found
 * only by their owner; files (owner-only, {@code rw-------}) are deleted {@link #KEEP} after the
 * job ends. Jobs live in memory: after a restart they are gone, and so are the files left behind.
 */
@ApplicationScoped
public class Exports {
  static final Duration KEEP = Duration.ofHours(1);
  static final String STOPPED = "export.stopped.disconnected";
  static final int MAX_RUNNING = 2;
  static final int MAX_RUNNING_PER_USER = 1;
  static final int MAX_WAITING = 40;
  static final int MAX_PER_USER = 10;

  /** Rows read from the local copy at a time. */
  static final int COPY_PAGE = 1000;

  private static final Logger LOG = Logger.getLogger(Exports.class.getName());

  @Resource ManagedExecutorService executor;

  @Inject LivestormClient client;

  @Inject LocalCopy copy;

  @Inject Settings settings;

  /** The app's clock ({@code token.SystemClock}), which tests may move. */
  @Inject Clock clock;

  private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();
  private final LongAdder failures = new LongAdder();
  private volatile boolean leftoversCleared;
  private volatile ExportQueue queue;

  /** A started job, or why none was started (then nothing was queued). */
  public record Started(Optional<ExportJob> job, Optional<String> refusalKey) {}

  /**
   * Starts exporting the people of {@code sessionId} with {@code accountId}'s connection, unless
   * the export slots are all taken ({@code export.refused.busy}) or the account has its share of
   * exports already ({@code export.refused.yours}).
   */
  public Started start(long accountId, String sessionId) throws IOException {
    return start(accountId, sessionId, false);
  }

  /** {@link #start(long, String)}; {@code live}: from Livestorm even when the copy holds them. */
  public Started start(long accountId, String sessionId, boolean live) throws IOException {
    sweep();
    Path directory = directory();
    String id = UUID.randomUUID().toString();
    ExportJob job =
        new ExportJob(
            id, accountId, sessionId, live, directory.resolve(id + ".csv"), clock.instant());
    jobs.put(id, job);
    ExportQueue.Admission admission =
        queue()
            .submit(accountId, () -> run(job), () -> job.failed("export.error", clock.instant()));
    return switch (admission) {
      case ACCEPTED -> new Started(Optional.of(job), Optional.empty());
      case FULL -> refused(id, "export.refused.busy");
      case TOO_MANY_OF_YOURS -> refused(id, "export.refused.yours");
    };
  }

  private Started refused(String id, String key) {
    jobs.remove(id);
    return new Started(Optional.empty(), Optional.of(key));
  }

  private ExportQueue queue() {
    ExportQueue q = queue;
    if (q == null) {
      synchronized (this) {
        if (queue == null) {
          queue =
              new ExportQueue(
                  MAX_RUNNING, MAX_WAITING, MAX_RUNNING_PER_USER, MAX_PER_USER, executor);
        }
        q = queue;
      }
    }
    return q;
  }

  /** The job if it exists and belongs to this account: other people's jobs do not exist for you. */
  public Optional<ExportJob> find(long accountId, String id) {
    sweep();
    return Optional.ofNullable(id == null ? null : jobs.get(id))
        .filter(j -> j.accountId() == accountId);
  }

  /**
   * As of when the copy holds every person of the session: what an export that is not asked to be
   * live writes, with no Livestorm call; empty when it would read Livestorm.
   */
  public Optional<Instant> copyAsOf(long accountId, String sessionId) {
    return copy.asOf(accountId, Scope.people(sessionId));
  }

  /**
   * Writes every person of the session to {@code out}: the same rows as a job, for the direct
   * download, streamed to the response as they are read: from the copy when it holds them all
   * ({@link #copyAsOf}) and {@code live} is false, else from Livestorm as its pages arrive.
   */
  public void write(long accountId, String sessionId, Writer out, AllPages.Progress progress)
      throws IOException {
    write(accountId, sessionId, false, out, progress);
  }

  /** {@link #write(long, String, Writer, AllPages.Progress)}, live or from the copy. */
  public void write(
      long accountId, String sessionId, boolean live, Writer out, AllPages.Progress progress)
      throws IOException {
    PeopleCsv csv = PeopleCsv.withCustomFields(out);
    csv.header();
    try (Stream<Person> people = people(accountId, sessionId, live, progress, asOf -> {})) {
      people.forEach(csv::row);
      csv.finish();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private Stream<Person> people(
      long accountId,
      String sessionId,
      boolean live,
      AllPages.Progress progress,
      Consumer<Instant> fromCopy) {
    Optional<Instant> asOf = live ? Optional.empty() : copyAsOf(accountId, sessionId);
    if (asOf.isPresent()) {
      fromCopy.accept(asOf.get());
      // One page of the copy at a time, as from Livestorm: memory stays flat.
      return AllPages.stream(
          page -> {
            CopyPage<Person> rows =
                copy.people(accountId, sessionId, PeopleQuery.all(page, COPY_PAGE))
                    .orElseThrow(() -> new IllegalStateException("the copy lost the list"));
            int count = rows.pageCount();
            return new Page<>(
                rows.items(),
                new PageMeta(
                    page,
                    page > 0 ? page - 1 : null,
                    page + 1 < count ? page + 1 : null,
                    rows.total(),
                    count,
                    COPY_PAGE));
          },
          progress);
    }
    Access access = Access.background(accountId);
    return AllPages.stream(
        page -> client.sessionPeople(access, sessionId, null, page, LivestormClient.MAX_PAGE_SIZE),
        progress);
  }

  /**
   * For operators: jobs known now (ended ones are kept {@link #KEEP}) by queued, running, done,
   * failed.
   */
  public Map<String, Long> jobCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("queued", jobs.values().stream().filter(ExportJob::queued).count());
    counts.put("running", jobs.values().stream().filter(j -> j.running() && !j.queued()).count());
    counts.put("done", jobs.values().stream().filter(ExportJob::isDone).count());
    counts.put("failed", jobs.values().stream().filter(ExportJob::failed).count());
    return counts;
  }

  /** Jobs that failed since this node started. */
  public long failuresSinceStart() {
    return failures.sum();
  }

  private void run(ExportJob job) {
    job.started(clock.instant());
    Path part = job.file().resolveSibling(job.id() + ".part");
    try {
      // Owner-only: people's e-mail addresses are nobody else's business.
      OwnerOnlyFiles.create(part);
      try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
        PeopleCsv csv = PeopleCsv.withCustomFields(out);
        csv.header();
        stopIfAsked(job);
        people(job.accountId(), job.sessionId(), job.live(), job::pageDone, job::fromCopy)
            .forEach(
                person -> {
                  stopIfAsked(job);
                  csv.row(person);
                  job.rowWritten();
                });
        csv.finish();
      }
      // Only a complete file gets the name the download serves.
      Files.move(
          part, job.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      job.done(clock.instant());
    } catch (CancellationException e) {
      LOG.info(() -> "Export " + job.id() + " stopped: the connection was removed");
      job.failed(STOPPED, clock.instant());
    } catch (LivestormException e) {
      LOG.log(Level.INFO, "Export " + job.id() + " stopped: " + e.kind() + " " + e.getMessage());
      if (e.kind() == LivestormException.Kind.NOT_CONNECTED) {
        // Disconnected between two pages, on this node or another: the next call found no
        // connection, which may come before this node's observer has asked the job to stop.
        job.failed(STOPPED, clock.instant());
      } else {
        job.failed("problem." + e.kind().name(), clock.instant());
        failures.increment();
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Export " + job.id() + " failed", e);
      job.failed("export.error", clock.instant());
      failures.increment();
    } finally {
      deleteQuietly(part);
    }
  }

  private static void stopIfAsked(ExportJob job) {
    if (job.stopRequested()) {
      throw new CancellationException();
    }
  }

  /**
   * A removed connection's exports stop: a running job ends at its next row and deletes its partial
   * file, a waiting one fails as soon as it starts, and finished files of that connection go at
   * once (they hold its people). Fired on the node that disconnected; a job running on another node
   * stops at its next page, when its call finds no connection (and its token revoked).
   */
  void connectionRemoved(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionRemoved removed) {
    jobs.values().stream()
        .filter(job -> job.accountId() == removed.accountId())
        .forEach(
            job -> {
              job.stop();
              if (job.isDone()) {
                deleteQuietly(job.file());
                job.failed(STOPPED, clock.instant());
              }
            });
  }

  /** Forgets jobs that ended more than {@link #KEEP} ago and deletes their files. */
  void sweep() {
    Instant now = clock.instant();
    jobs.values()
        .removeIf(
            job -> {
              if (job.expired(now, KEEP)) {
                deleteQuietly(job.file());
                return true;
              }
              return false;
            });
  }

  private Path directory() throws IOException {
    Path directory = settings.dataDir().resolve("exports");
    OwnerOnlyFiles.createDirectory(directory);
    if (!leftoversCleared) {
      // Files from before a restart belong to jobs nobody can reach any more.
      leftoversCleared = true;
      try (Stream<Path> old = Files.list(directory)) {
        old.filter(
                p ->
                    jobs.values().stream()
                        .noneMatch(
                            j ->
                                p.startsWith(j.file().getParent())
                                    && p.getFileName().toString().startsWith(j.id())))
            .forEach(Exports::deleteQuietly);
      }
    }
    return directory;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete " + file, e);
    }
  }
}
