package com.livestormconnect.sandbox.data;

import com.livestormconnect.sandbox.SandboxClock;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox workspace in memory, one per deployment. Demo data is generated when the store is
 * first used. One read-write lock guards everything: reads run in parallel and return copies,
 * writes are exclusive, so a write is visible to every later read and a registration's "already
 * registered" check cannot race with another registration.
 *
 * <p>Every change to the data, whether an API write or a test control, goes through {@link
 * #change}: it moves the changed resources' {@code updated_at} to the sandbox clock's now and tells
 * the {@link ChangeListener}s once the lock is released.
 */
@ApplicationScoped
public class SandboxStore {
  @Inject SandboxClock clock;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private Organization organization;
  private List<TeamMember> members;
  private final Map<String, Event> events = new LinkedHashMap<>();
  private final Map<String, EventSession> sessions = new LinkedHashMap<>();
  private final Map<String, List<Registration>> registrations = new LinkedHashMap<>();
  private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private static final Logger LOG = Logger.getLogger(SandboxStore.class.getName());

  /** What a registration attempt came to. */
  public enum Outcome {
    REGISTERED,
    ALREADY_REGISTERED,
    NO_SUCH_SESSION
  }

  @PostConstruct
  void generate() {
    DemoData data = DemoData.generate(clock.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond());
    organization = data.organization();
    members = data.members();
    data.events().forEach(e -> events.put(e.id(), e));
    data.sessions().forEach(s -> sessions.put(s.id(), s));
    registrations.putAll(data.registrations());
    data.webhooks().forEach(w -> webhooks.put(w.id(), w));
  }

  public long now() {
    return clock.now().getEpochSecond();
  }

  public Organization organization() {
    return organization;
  }

  /** The user who connected (the workspace owner): the sandbox has no sign-in of its own. */
  public TeamMember me() {
    return members.get(0);
  }

  public List<TeamMember> members() {
    return members;
  }

  public Optional<TeamMember> member(String id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public List<Event> events() {
    return read(() -> List.copyOf(events.values()));
  }

  public Optional<Event> event(String id) {
    return read(() -> Optional.ofNullable(events.get(id)));
  }

  public Event createEvent(UnaryOperator<Event> attributes) {
    long now = now();
    Event blank =
        new Event(
            UUID.randomUUID().toString(),
            me().id(),
            "",
            "",
            null,
            "en",
            60,
            false,
            true,
            true,
            0,
            now,
            now,
            false);
    return change(
        changes -> {
          Event event = attributes.apply(blank).updated(now);
          events.put(event.id(), event);
          changes.event(Change.EVENT_CREATED, event.id());
          if (event.published()) {
            changes.event(Change.EVENT_PUBLISHED, event.id());
          }
          return event;
        });
  }

  /** Applies {@code change} to the event, which moves its {@code updated_at} to now. */
  public Optional<Event> updateEvent(String id, UnaryOperator<Event> change) {
    return change(
        changes -> {
          Event before = events.get(id);
          if (before == null) {
            return Optional.empty();
          }
          Event after = change.apply(before).updated(changes.now());
          events.put(id, after);
          changes.event(Change.EVENT_UPDATED, id);
          if (after.published() && !before.published()) {
            changes.event(Change.EVENT_PUBLISHED, id);
          }
          return Optional.of(after);
        });
  }

  /** Deletes the event with its sessions and their registrations. */
  public boolean deleteEvent(String id) {
    return change(
        changes -> {
          if (events.remove(id) == null) {
            return false;
          }
          changes.event(Change.EVENT_DELETED, id);
          sessions
              .values()
              .removeIf(
                  s -> {
                    boolean gone = s.eventId().equals(id);
                    if (gone) {
                      registrations.remove(s.id());
                    }
                    return gone;
                  });
          return true;
        });
  }

  public List<EventSession> sessions() {
    return read(() -> List.copyOf(sessions.values()));
  }

  public List<EventSession> sessionsOf(String eventId) {
    return read(() -> sessions.values().stream().filter(s -> s.eventId().equals(eventId)).toList());
  }

  public Optional<EventSession> session(String id) {
    return read(() -> Optional.ofNullable(sessions.get(id)));
  }

  public List<Registration> registrants(String sessionId) {
    return read(() -> List.copyOf(registrations.getOrDefault(sessionId, List.of())));
  }

  public List<Registration> registrantsOfEvent(String eventId) {
    return read(
        () -> {
          List<Registration> all = new ArrayList<>();
          sessions.values().stream()
              .filter(s -> s.eventId().equals(eventId))
              .forEach(s -> all.addAll(registrations.getOrDefault(s.id(), List.of())));
          return all;
        });
  }

  /** Counts without copying: {registrants, attendees}. */
  public int[] counts(String sessionId) {
    return read(
        () -> {
          List<Registration> list = registrations.getOrDefault(sessionId, List.of());
          int attended = 0;
          for (Registration r : list) {
            attended += r.attended() ? 1 : 0;
          }
          return new int[] {list.size(), attended};
        });
  }

  /**
   * Registers a person (unless the e-mail is already registered to the session): the person's and
   * the session's {@code updated_at} (its registrants_count changes) move to now.
   */
  public Outcome register(Registration registration) {
    return change(
        changes -> {
          List<Registration> list = registrations.get(registration.sessionId());
          EventSession session = sessions.get(registration.sessionId());
          if (list == null || session == null) {
            return Outcome.NO_SUCH_SESSION;
          }
          String email = registration.email().toLowerCase(Locale.ROOT);
          if (list.stream().anyMatch(r -> r.email().toLowerCase(Locale.ROOT).equals(email))) {
            return Outcome.ALREADY_REGISTERED;
          }
          list.add(registration);
          sessions.put(session.id(), session.updated(changes.now()));
          changes.person(Change.PEOPLE_REGISTERED, registration);
          return Outcome.REGISTERED;
        });
  }

  /**
   * A new session of the event, to start at {@code estimatedStartedAt}; empty when there is no such
   * event. The event's {@code updated_at} moves too (its sessions_count changes).
   */
  public Optional<EventSession> createSession(
      String eventId, String name, String timezone, long estimatedStartedAt) {
    return change(
        changes -> {
          if (!events.containsKey(eventId)) {
            return Optional.empty();
          }
          long now = changes.now();
          EventSession session =
              new EventSession(
                  UUID.randomUUID().toString(),
                  eventId,
                  name,
                  timezone,
                  estimatedStartedAt,
                  0,
                  0,
                  0,
                  null,
                  now,
                  now);
          sessions.put(session.id(), session);
          registrations.put(session.id(), new ArrayList<>());
          touchEvent(eventId, now);
          changes.session(Change.SESSION_CREATED, session);
          return Optional.of(session);
        });
  }

  /**
   * Starts the session now (it goes live); empty when there is no such session.
   *
   * @throws IllegalStateException when it was canceled or has already started
   */
  public Optional<EventSession> startSession(String id) {
    return change(
        changes -> {
          EventSession session = sessions.get(id);
          if (session == null) {
            return Optional.empty();
          }
          if (session.canceledAt() > 0) {
            throw new IllegalStateException("The session was canceled");
          }
          if (session.startedAt() > 0) {
            throw new IllegalStateException("The session has already started");
          }
          EventSession started = session.started(changes.now());
          sessions.put(id, started);
          touchEvent(session.eventId(), changes.now());
          changes.session(Change.SESSION_STARTED, started);
          return Optional.of(started);
        });
  }

  /**
   * Ends the live session now, which decides who attended: every registrant's {@code updated_at}
   * moves, and each is told as {@code people.attended} or {@code people.not_attended} after the
   * {@code session.ended}, as Livestorm sends them. Empty when there is no such session.
   *
   * @throws IllegalStateException when the session is not live
   */
  public Optional<EventSession> endSession(String id, Attendance attendance) {
    return change(
        changes -> {
          EventSession session = sessions.get(id);
          if (session == null) {
            return Optional.empty();
          }
          if (!session.live()) {
            throw new IllegalStateException("The session is not live: start it first");
          }
          long now = changes.now();
          EventSession ended = session.ended(now);
          sessions.put(id, ended);
          touchEvent(session.eventId(), now);
          changes.session(Change.SESSION_ENDED, ended);
          List<Registration> people = registrations.get(id);
          for (int i = 0; i < people.size(); i++) {
            Registration decided = attendance.decide(people.get(i), ended.duration(), now);
            people.set(i, decided);
            changes.person(
                decided.attended() ? Change.PEOPLE_ATTENDED : Change.PEOPLE_NOT_ATTENDED, decided);
          }
          return Optional.of(ended);
        });
  }

  /**
   * Cancels the session now; empty when there is no such session.
   *
   * @throws IllegalStateException when it has started or was already canceled
   */
  public Optional<EventSession> cancelSession(String id) {
    return change(
        changes -> {
          EventSession session = sessions.get(id);
          if (session == null) {
            return Optional.empty();
          }
          if (session.startedAt() > 0) {
            throw new IllegalStateException(
                "The session has started: it can no longer be canceled");
          }
          if (session.canceledAt() > 0) {
            throw new IllegalStateException("The session was already canceled");
          }
          EventSession canceled = session.canceled(changes.now());
          sessions.put(id, canceled);
          touchEvent(session.eventId(), changes.now());
          changes.session(Change.SESSION_CANCELED, canceled);
          return Optional.of(canceled);
        });
  }

  /**
   * The person (or, when {@code personId} is null, the first registrant who has not watched it yet,
   * preferring one who did not attend) watches the replay of the ended session now; empty when
   * there is no such session or person.
   *
   * @throws IllegalStateException when the session has not ended, or everyone watched it already
   */
  public Optional<Registration> watchReplay(String sessionId, String personId) {
    return change(
        changes -> {
          EventSession session = sessions.get(sessionId);
          List<Registration> people = registrations.get(sessionId);
          if (session == null || people == null) {
            return Optional.empty();
          }
          if (session.endedAt() == 0) {
            throw new IllegalStateException("The session has not ended: there is no replay yet");
          }
          int index =
              personId != null
                  ? indexOf(people, p -> p.personId().equals(personId))
                  : indexOf(people, p -> !p.viewedReplay() && !p.attended());
          if (index < 0 && personId == null) {
            index = indexOf(people, p -> !p.viewedReplay());
            if (index < 0) {
              throw new IllegalStateException("Everyone registered has watched the replay");
            }
          }
          if (index < 0) {
            return Optional.empty();
          }
          Registration watched = people.get(index).replayWatched(changes.now());
          people.set(index, watched);
          changes.person(Change.PEOPLE_WATCHED_REPLAY, watched);
          return Optional.of(watched);
        });
  }

  private static int indexOf(List<Registration> people, Predicate<Registration> wanted) {
    for (int i = 0; i < people.size(); i++) {
      if (wanted.test(people.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The event's sessions changed, so do attributes of its own (sessions_count, status). */
  private void touchEvent(String eventId, long now) {
    events.computeIfPresent(eventId, (id, e) -> e.updated(now));
  }

  /**
   * Runs {@code reading} with the data held still: no change lands until it returns, so that what
   * it reads (through this store's methods, on this thread) is one consistent state.
   */
  public void holdingStill(Runnable reading) {
    lock.readLock().lock();
    try {
      reading.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<Webhook> webhooks() {
    return read(() -> List.copyOf(webhooks.values()));
  }

  public Webhook createWebhook(String url, String event) {
    long now = now();
    Webhook webhook = new Webhook(UUID.randomUUID().toString(), url, event, now, now);
    change(changes -> webhooks.put(webhook.id(), webhook));
    return webhook;
  }

  public boolean deleteWebhook(String id) {
    return change(changes -> webhooks.remove(id) != null);
  }

  /** From now on, {@code listener} is told of every change (see {@link ChangeListener}). */
  public void listen(ChangeListener listener) {
    listeners.add(listener);
  }

  public void stopListening(ChangeListener listener) {
    listeners.remove(listener);
  }

  /**
   * The changes one mutation makes, collected under the write lock and told to the listeners after
   * it is released; {@link #now()} is one instant for the whole mutation, so every resource it
   * touches gets the same {@code updated_at}.
   */
  final class Changes {
    private final long now = SandboxStore.this.now();
    private final List<Change> made = new ArrayList<>();

    long now() {
      return now;
    }

    void event(String name, String eventId) {
      made.add(new Change(name, organization.id(), eventId, null, null, now));
    }

    void session(String name, EventSession session) {
      made.add(new Change(name, organization.id(), session.eventId(), session.id(), null, now));
    }

    void person(String name, Registration person) {
      made.add(
          new Change(
              name,
              organization.id(),
              person.eventId(),
              person.sessionId(),
              person.personId(),
              now));
    }
  }

  /**
   * The one way the data changes: {@code mutation} runs under the write lock and records what it
   * changed; the listeners hear of it once the lock is released, so that they may read the store
   * and never hold up other writers.
   */
  private <T> T change(Function<Changes, T> mutation) {
    Changes changes = new Changes();
    T result;
    lock.writeLock().lock();
    try {
      result = mutation.apply(changes);
    } finally {
      lock.writeLock().unlock();
    }
    for (Change change : changes.made) {
      for (ChangeListener listener : listeners) {
        try {
          listener.changed(change);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A sandbox change listener failed on " + change, e);
        }
      }
    }
    return result;
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
