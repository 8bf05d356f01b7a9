package com.livestormconnect.dashboard.export;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One export of a session's people, owned by one account: where it stands (pages fetched out of the
 * pages Livestorm announced, rows written) and, when done, the file. Progress is written by the
 * job's thread and read by page requests, hence the volatile fields; each is written by one thread.
 */
public final class ExportJob {
  /** Where a job stands. */
  public enum State {
    /** Admitted, waiting for a free slot (see ExportQueue). */
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  private final String id;
  private final long accountId;
  private final String sessionId;
  private final boolean live;
  private final Path file;
  private volatile Instant asOf;
  private volatile Instant startedAt;
  private volatile State state = State.QUEUED;
  private volatile int pagesDone;
  private volatile int pageCount;
  private volatile long recordCount;
  private volatile long rows;
  private volatile Instant finishedAt;
  private volatile String failureKey;
  private volatile boolean stopRequested;

  ExportJob(
      String id, long accountId, String sessionId, boolean live, Path file, Instant startedAt) {
    this.id = id;
    this.accountId = accountId;
    this.sessionId = sessionId;
    this.live = live;
    this.file = file;
    this.startedAt = startedAt;
  }

  void started(Instant now) {
    startedAt = now;
    state = State.RUNNING;
  }

  void pageDone(int done, int count, long records) {
    pagesDone = done;
    pageCount = count;
    recordCount = records;
  }

  /** The job reads the local copy, complete as of {@code asOf}, not Livestorm. */
  void fromCopy(Instant asOf) {
    this.asOf = asOf;
  }

  void rowWritten() {
    rows++;
  }

  void done(Instant now) {
    finishedAt = now;
    state = State.DONE;
  }

  void failed(String messageKey, Instant now) {
    failureKey = messageKey;
    finishedAt = now;
    state = State.FAILED;
  }

  /** Asks the job to end at its next row (its connection is gone); it then fails with a reason. */
  void stop() {
    stopRequested = true;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  /** Percent done, 0 to 100, from the pages fetched. */
  public int percent() {
    if (state == State.DONE) {
      return 100;
    }
    return pageCount == 0 ? 0 : (int) Math.min(99, 100L * pagesDone / pageCount);
  }

  /**
   * Seconds left, estimated from the time the pages so far took; null before the first page. The
   * rate limit makes pages come at a steady pace, so a straight line is a fair guess.
   */
  public Long secondsLeft(Instant now) {
    if (state != State.RUNNING || pagesDone == 0 || pageCount == 0) {
      return null;
    }
    double perPage = Duration.between(startedAt, now).toMillis() / (double) pagesDone;
    return Math.round(perPage * (pageCount - pagesDone) / 1000.0);
  }

  /** Whether the job ended long enough ago for its file to go. */
  boolean expired(Instant now, Duration keep) {
    Instant end = finishedAt;
    return end != null && end.plus(keep).isBefore(now);
  }

  public String id() {
    return id;
  }

  public long accountId() {
    return accountId;
  }

  /** Whether the job was asked to read Livestorm even when the copy holds the session's people. */
  public boolean live() {
    return live;
  }

  /** As of when the people written were read, when they came from the local copy; else null. */
  public Instant asOf() {
    return asOf;
  }

  public String sessionId() {
    return sessionId;
  }

  public Path file() {
    return file;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public State state() {
    return state;
  }

  /** Not finished yet: waiting for a slot or running. */
  public boolean running() {
    return state == State.RUNNING || state == State.QUEUED;
  }

  public boolean queued() {
    return state == State.QUEUED;
  }

  public boolean isDone() {
    return state == State.DONE;
  }

  public boolean failed() {
    return state == State.FAILED;
  }

  public int pagesDone() {
    return pagesDone;
  }

  public int pageCount() {
    return pageCount;
  }

  public long recordCount() {
    return recordCount;
  }

  public long rows() {
    return rows;
  }

  public String failureKey() {
    return failureKey;
  }
}
