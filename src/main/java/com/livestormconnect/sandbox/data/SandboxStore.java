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
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The sandbox workspace in memory, one per deployment. Demo data is generated when the store is
 * first used. One read-write lock guards everything: reads run in parallel and return copies,
 * writes are exclusive, so a write is visible to every later read and a registration's "already
 * registered" check cannot race with another registration.
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
    Event event = attributes.apply(blank);
    write(() -> events.put(event.id(), event));
    return event;
  }

  public Optional<Event> updateEvent(String id, UnaryOperator<Event> change) {
    return write(() -> Optional.ofNullable(events.computeIfPresent(id, (k, e) -> change.apply(e))));
  }

  /** Deletes the event with its sessions and their registrations. */
  public boolean deleteEvent(String id) {
    return write(
        () -> {
          if (events.remove(id) == null) {
            return false;
          }
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

  public Outcome register(Registration registration) {
    return write(
        () -> {
          List<Registration> list = registrations.get(registration.sessionId());
          if (list == null) {
            return Outcome.NO_SUCH_SESSION;
          }
          String email = registration.email().toLowerCase(Locale.ROOT);
          if (list.stream().anyMatch(r -> r.email().toLowerCase(Locale.ROOT).equals(email))) {
            return Outcome.ALREADY_REGISTERED;
          }
          list.add(registration);
          return Outcome.REGISTERED;
        });
  }

  public List<Webhook> webhooks() {
    return read(() -> List.copyOf(webhooks.values()));
  }

  public Webhook createWebhook(String url, String event) {
    long now = now();
    Webhook webhook = new Webhook(UUID.randomUUID().toString(), url, event, now, now);
    write(() -> webhooks.put(webhook.id(), webhook));
    return webhook;
  }

  public boolean deleteWebhook(String id) {
    return write(() -> webhooks.remove(id) != null);
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> change) {
    lock.writeLock().lock();
    try {
      return change.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
