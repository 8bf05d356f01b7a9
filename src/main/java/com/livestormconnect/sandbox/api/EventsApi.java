package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.Event;
import com.livestormconnect.sandbox.data.EventFields;
import com.livestormconnect.sandbox.data.EventSession;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.TeamMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * /events: list (filter[title], filter[scheduling_status], the {@link TimeWindow} filters; in the
 * order the events were created), get, create, update, delete.
 */
@Path("/")
@RequiredScope("events")
@ApplicationScoped
public class EventsApi {
  @Inject SandboxStore store;

  @Inject Pagination pagination;

  @Inject SandboxVariants variants;

  @GET
  @Path("events")
  public Response list(
      @QueryParam("filter[title]") String titleFilter,
      @QueryParam("filter[scheduling_status]") String schedulingFilter,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size,
      @Context UriInfo uri) {
    String title = JsonApi.filter(titleFilter);
    String scheduling = JsonApi.filter(schedulingFilter);
    TimeWindow window = TimeWindow.requested(uri.getQueryParameters(), variants);
    List<Event> events =
        store.events().stream()
            .filter(e -> window.contains(e.createdAt(), e.updatedAt()))
            .filter(
                e ->
                    title == null
                        || e.title()
                            .toLowerCase(Locale.ROOT)
                            .contains(title.toLowerCase(Locale.ROOT)))
            .filter(e -> scheduling == null || scheduling.equals(schedulingStatus(e)))
            .toList();
    return pagination.list(number, size, events, this::view);
  }

  @POST
  @Path("events")
  public Response create(InputStream body) {
    JsonObject in = JsonApi.attributes(body);
    String title = JsonApi.text(in, "title");
    if (title == null || title.isBlank()) {
      throw ApiError.unprocessable("title - can't be blank");
    }
    String ownerId = JsonApi.text(in, "owner_id");
    if (ownerId != null && store.member(ownerId).isEmpty()) {
      throw ApiError.unprocessable("Team member not found");
    }
    Event created =
        store.createEvent(blank -> changed(blank, in, ownerId == null ? blank.ownerId() : ownerId));
    return JsonApi.created(JsonApi.one(view(created)));
  }

  @GET
  @Path("events/{id}")
  public Response get(@PathParam("id") String id) {
    return JsonApi.ok(JsonApi.one(view(found(id))));
  }

  @PATCH
  @Path("events/{id}")
  public Response update(@PathParam("id") String id, InputStream body) {
    JsonObject in = JsonApi.attributes(body);
    Event current = found(id);
    String title = JsonApi.text(in, "title");
    if (title != null && title.isBlank()) {
      throw ApiError.unprocessable("title - can't be blank");
    }
    Event updated =
        store
            .updateEvent(current.id(), e -> changed(e, in, e.ownerId()))
            .orElseThrow(() -> ApiError.notFound("Event not found"));
    return JsonApi.ok(JsonApi.one(view(updated)));
  }

  @DELETE
  @Path("events/{id}")
  public Response delete(@PathParam("id") String id) {
    if (!store.deleteEvent(id)) {
      throw ApiError.notFound("Event not found");
    }
    return Response.noContent().build();
  }

  /** The event with the given attributes applied; attributes not given keep their value. */
  private Event changed(Event e, JsonObject in, String ownerId) {
    String title = JsonApi.text(in, "title");
    String slug = JsonApi.text(in, "slug");
    String description =
        in.containsKey("description") ? JsonApi.text(in, "description") : e.description();
    String status = JsonApi.text(in, "status");
    if (status != null && !status.equals("published") && !status.equals("draft")) {
      throw ApiError.unprocessable("status must be published or draft");
    }
    long now = store.now();
    long publishedAt =
        status == null
            ? e.publishedAt()
            : status.equals("draft") ? 0 : e.published() ? e.publishedAt() : now;
    String newTitle = title == null ? e.title() : title;
    return new Event(
        e.id(),
        ownerId,
        newTitle,
        slug != null ? slug : e.slug().isEmpty() ? slugOf(newTitle) : e.slug(),
        description,
        e.language(),
        e.estimatedDuration(),
        JsonApi.flag(in, "everyone_can_speak", e.everyoneCanSpeak()),
        JsonApi.flag(in, "recording_enabled", e.recordingEnabled()),
        JsonApi.flag(in, "chat_enabled", e.chatEnabled()),
        publishedAt,
        e.createdAt(),
        now,
        e.onDemand());
  }

  private static String slugOf(String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "event" : slug;
  }

  private Event found(String id) {
    return store.event(id).orElseThrow(() -> ApiError.notFound("Event not found"));
  }

  String schedulingStatus(Event event) {
    if (!event.published()) {
      return "draft";
    }
    List<String> statuses =
        store.sessionsOf(event.id()).stream().map(s -> s.status(true, store.now())).toList();
    if (statuses.isEmpty()) {
      return "not_scheduled";
    }
    if (statuses.contains("live")) {
      return "live";
    }
    if (statuses.contains("upcoming")) {
      return "upcoming";
    }
    if (statuses.stream().allMatch("canceled"::equals)) {
      return "cancelled";
    }
    if (statuses.stream().allMatch(s -> s.equals("past_not_started") || s.equals("canceled"))) {
      return "not_started";
    }
    return event.onDemand() ? "on_demand" : "ended";
  }

  public Map<String, Object> view(Event e) {
    List<EventSession> sessions = store.sessionsOf(e.id());
    TeamMember owner = store.member(e.ownerId()).orElse(store.me());
    return JsonApi.resource(
        "events",
        e.id(),
        attributes(
            "title",
            e.title(),
            "slug",
            e.slug(),
            "registration_link",
            "https://app.livestorm.co/p/" + e.id(),
            "estimated_duration",
            e.estimatedDuration(),
            "registration_page_enabled",
            true,
            "everyone_can_speak",
            e.everyoneCanSpeak(),
            "description",
            e.description(),
            "language",
            e.language(),
            "published_at",
            e.publishedAt(),
            "created_at",
            e.createdAt(),
            "updated_at",
            e.updatedAt(),
            "sessions_count",
            sessions.size(),
            "status",
            e.published() ? "published" : "draft",
            "scheduling_status",
            schedulingStatus(e),
            "light_registration_page_enabled",
            false,
            "recording_enabled",
            e.recordingEnabled(),
            "recording_public",
            false,
            "show_in_company_page",
            e.published(),
            "chat_enabled",
            e.chatEnabled(),
            "polls_enabled",
            true,
            "questions_enabled",
            true,
            "owner",
            PersonView.owner(owner).resource(),
            "fields",
            fields(e)));
  }

  /** The event's registration form, as Livestorm lists it (custom fields with custom: true). */
  static List<Map<String, Object>> fields(Event e) {
    return EventFields.of(e.id()).stream()
        .map(
            f -> {
              Map<String, Object> field =
                  attributes(
                      "id", f.id(), "type", f.type(), "order", f.order(), "required", f.required());
              if (f.custom()) {
                field.put("custom", true);
              }
              if (!f.options().isEmpty()) {
                field.put(
                    "options",
                    attributes(
                        "items",
                        f.options().stream().map(o -> Map.of("value", o)).toList(),
                        "multiple_answers",
                        true));
              }
              return field;
            })
        .toList();
  }
}
