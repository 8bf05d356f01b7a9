package com.livestormconnect.sandbox.control;

import com.livestormconnect.sandbox.api.Resources;
import com.livestormconnect.sandbox.control.ControlServlet.BadValue;
import com.livestormconnect.sandbox.data.Attendance;
import com.livestormconnect.sandbox.data.Event;
import com.livestormconnect.sandbox.data.EventSession;
import com.livestormconnect.sandbox.data.Newcomers;
import com.livestormconnect.sandbox.data.Registration;
import com.livestormconnect.sandbox.data.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Controls that change the sandbox's data underneath a client, as people using Livestorm would:
 * register, start and end a session (which decides who attended), watch a replay, create, edit and
 * delete events, create and cancel sessions. Each goes through {@link SandboxStore}, like the API's
 * writes, so each moves {@code updated_at} and is told to the store's listeners. Each answers the
 * changed resources as the API renders them.
 */
@ApplicationScoped
public class DataControls {
  /** Registrations one request may add: the demo's largest session is 5,200. */
  static final int MAX_REGISTRATIONS = 1_000;

  static final long MAX_STARTS_IN = Duration.ofDays(366).toSeconds();

  @Inject SandboxStore store;

  @Inject Resources resources;

  private final Newcomers newcomers = new Newcomers();

  /** The controls' paths (after {@code /sandbox/control}). */
  static final List<String> PATHS =
      List.of(
          "/register",
          "/start-session",
          "/end-session",
          "/watch-replay",
          "/cancel-session",
          "/create-session",
          "/create-event",
          "/edit-event",
          "/delete-event");

  /** Runs the control at {@code path}; its answer, or a {@link BadValue} naming what is wrong. */
  Map<String, Object> run(String path, JsonObject params) {
    return switch (path) {
      case "/register" -> register(params);
      case "/start-session" ->
          session(found(() -> store.startSession(text(params, "session")), "Session"));
      case "/end-session" -> {
        int share =
            (int)
                ControlServlet.number(
                    params, "attended_share", (long) Attendance.DEFAULT_SHARE, 0, 100);
        String id = text(params, "session");
        found(() -> store.endSession(id, new Attendance(share)), "Session");
        yield Map.of(
            "session", resources.session(id).orElseThrow(), "people", resources.people(id));
      }
      case "/watch-replay" -> {
        String session = text(params, "session");
        Registration watched =
            found(
                () -> store.watchReplay(session, optionalText(params, "person")),
                "Session or person");
        yield Map.of("person", resources.person(session, watched.personId()).orElseThrow());
      }
      case "/cancel-session" ->
          session(found(() -> store.cancelSession(text(params, "session")), "Session"));
      case "/create-session" -> {
        long startsIn = ControlServlet.number(params, "starts_in", 86_400L, 0, MAX_STARTS_IN);
        String name = optionalText(params, "name");
        EventSession created =
            found(
                () ->
                    store.createSession(
                        text(params, "event"), name, "Europe/Paris", store.now() + startsIn),
                "Event");
        yield session(created);
      }
      case "/create-event" -> {
        String title = Optional.ofNullable(optionalText(params, "title")).orElse("Sandbox event");
        boolean draft = status(params).equals("draft");
        Event created =
            store.createEvent(blank -> edited(blank, title, blank.description(), !draft));
        yield event(created.id());
      }
      case "/edit-event" -> edit(params);
      case "/delete-event" -> {
        String id = text(params, "event");
        if (!store.deleteEvent(id)) {
          throw new BadValue(404, "Event not found");
        }
        yield Map.of("deleted", id);
      }
      default -> throw new BadValue(404, "Unknown control");
    };
  }

  private Map<String, Object> register(JsonObject params) {
    String id = text(params, "session");
    int count = (int) ControlServlet.number(params, "count", 1L, 1, MAX_REGISTRATIONS);
    EventSession session =
        store.session(id).orElseThrow(() -> new BadValue(404, "Session not found"));
    List<Map<String, Object>> registered = new ArrayList<>();
    while (registered.size() < count) {
      Registration person = newcomers.next(session, store.now());
      switch (store.register(person)) {
        case REGISTERED -> registered.add(resources.person(id, person.personId()).orElseThrow());
        case NO_SUCH_SESSION -> throw new BadValue(404, "Session not found");
        case ALREADY_REGISTERED -> {
          // someone took this e-mail through the API: draw another person
        }
      }
    }
    return Map.of("people", registered);
  }

  private Map<String, Object> edit(JsonObject params) {
    String id = text(params, "event");
    String title = optionalText(params, "title");
    boolean describe = params.containsKey("description");
    String description = optionalText(params, "description");
    String status = params.containsKey("status") ? status(params) : null;
    Event edited =
        store
            .updateEvent(
                id,
                e ->
                    edited(
                        e,
                        title != null
                            ? title
                            : describe || status != null ? e.title() : e.title() + " (edited)",
                        describe ? description : e.description(),
                        status == null ? e.published() : status.equals("published")))
            .orElseThrow(() -> new BadValue(404, "Event not found"));
    return event(edited.id());
  }

  /** The event with this title, description and publication (published now if it was a draft). */
  private Event edited(Event e, String title, String description, boolean published) {
    long publishedAt = !published ? 0 : e.published() ? e.publishedAt() : store.now();
    String slug =
        e.slug().isEmpty()
            ? title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "")
            : e.slug();
    return new Event(
        e.id(),
        e.ownerId(),
        title,
        slug.isEmpty() ? "event" : slug,
        description,
        e.language(),
        e.estimatedDuration(),
        e.everyoneCanSpeak(),
        e.recordingEnabled(),
        e.chatEnabled(),
        publishedAt,
        e.createdAt(),
        e.updatedAt(),
        e.onDemand());
  }

  private Map<String, Object> session(EventSession session) {
    return Map.of("session", resources.session(session.id()).orElseThrow());
  }

  private Map<String, Object> event(String id) {
    return Map.of("event", resources.event(id).orElseThrow());
  }

  /**
   * What a store change returned: a 404 when it found nothing, a 409 when the data's state refuses
   * the change (a session that is not live cannot end).
   */
  private static <T> T found(Supplier<Optional<T>> change, String what) {
    try {
      return change.get().orElseThrow(() -> new BadValue(404, what + " not found"));
    } catch (IllegalStateException refused) {
      throw new BadValue(409, refused.getMessage());
    }
  }

  private static String status(JsonObject params) {
    String status = Optional.ofNullable(optionalText(params, "status")).orElse("published");
    if (!status.equals("published") && !status.equals("draft")) {
      throw new BadValue("status must be published or draft");
    }
    return status;
  }

  private static String text(JsonObject params, String name) {
    String value = optionalText(params, name);
    if (value == null || value.isBlank()) {
      throw new BadValue(name + " is required");
    }
    return value;
  }

  private static String optionalText(JsonObject params, String name) {
    JsonValue value = params.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString text) || text.getString().length() > 1_000) {
      throw new BadValue(name + " must be a string of at most 1,000 characters");
    }
    return text.getString();
  }
}
