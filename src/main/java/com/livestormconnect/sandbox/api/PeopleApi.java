package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.BreakoutRooms;
import com.livestormconnect.sandbox.data.EventFields;
import com.livestormconnect.sandbox.data.EventSession;
import com.livestormconnect.sandbox.data.Registration;
import com.livestormconnect.sandbox.data.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * People in a session or event: /sessions/{id}/people (list with filter[attended], filter[email]
 * and filter[role] and the {@link TimeWindow} filters, in the order they registered with the host
 * last; POST registers, 409 when the email is already registered) and /events/{id}/people. As in
 * Livestorm, the people of a session or event include its team members (role team_member: here the
 * event's owner, who hosts every session) besides the participants.
 */
@Path("/")
@RequiredScope("events")
@ApplicationScoped
public class PeopleApi {
  @Inject SandboxStore store;

  @Inject Pagination pagination;

  @Inject SandboxVariants variants;

  @GET
  @Path("sessions/{id}/people")
  public Response ofSession(
      @PathParam("id") String id,
      @QueryParam("filter[attended]") String attended,
      @QueryParam("filter[email]") String email,
      @QueryParam("filter[role]") String role,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size,
      @Context UriInfo uri) {
    TimeWindow window = TimeWindow.requested(uri.getQueryParameters(), variants);
    List<Registration> people =
        ofSession(id).orElseThrow(() -> ApiError.notFound("Session not found")).stream()
            .filter(p -> window.contains(p.createdAt(), p.updatedAt()))
            .toList();
    return list(people, attended, email, role, number, size);
  }

  /**
   * A session's people as its list shows them: the registrants in the order they registered, then
   * the host; none for a breakout room (the sandbox keeps no people per room); empty when there is
   * no such session.
   */
  public Optional<List<Registration>> ofSession(String id) {
    Optional<EventSession> session = store.session(id);
    if (session.isEmpty()) {
      return BreakoutRooms.find(id, store.sessions()).map(room -> List.of());
    }
    List<Registration> people = new ArrayList<>(store.registrants(id));
    host(session.get()).ifPresent(people::add);
    return Optional.of(people);
  }

  @GET
  @Path("events/{id}/people")
  public Response ofEvent(
      @PathParam("id") String id,
      @QueryParam("filter[attended]") String attended,
      @QueryParam("filter[email]") String email,
      @QueryParam("filter[role]") String role,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size) {
    store.event(id).orElseThrow(() -> ApiError.notFound("Event not found"));
    List<Registration> people = new ArrayList<>(store.registrantsOfEvent(id));
    store.sessionsOf(id).stream().findFirst().flatMap(this::host).ifPresent(people::add);
    return list(people, attended, email, role, number, size);
  }

  /** The event's owner as the session's host: a team member, present when the session ran. */
  private Optional<Registration> host(EventSession session) {
    boolean ran = session.endedAt() > 0;
    Integer attended = !ran ? null : session.duration() != null ? session.duration() : 0;
    return store
        .event(session.eventId())
        .flatMap(e -> store.member(e.ownerId()))
        .map(
            m ->
                Registration.quiet(
                    m.id(),
                    session,
                    m.firstName(),
                    m.lastName(),
                    m.email(),
                    PersonView.TEAM_TIMEZONE,
                    session.createdAt(),
                    session.updatedAt(),
                    attended,
                    Registration.Source.NONE,
                    "team",
                    Map.of()));
  }

  private boolean teamMember(Registration p) {
    return store.member(p.personId()).isPresent();
  }

  private Response list(
      List<Registration> people,
      String attendedFilter,
      String emailFilter,
      String roleFilter,
      String number,
      String size) {
    Boolean attended = JsonApi.booleanFilter("attended", attendedFilter);
    String email = JsonApi.filter(emailFilter);
    String role = JsonApi.filter(roleFilter);
    List<Registration> matching =
        people.stream()
            .filter(p -> attended == null || p.attended() == attended)
            .filter(p -> email == null || p.email().equalsIgnoreCase(email))
            .filter(p -> role == null || role.equals(teamMember(p) ? "team_member" : "participant"))
            .toList();
    return pagination.list(number, size, matching, this::view);
  }

  @POST
  @Path("sessions/{id}/people")
  public Response register(@PathParam("id") String id, InputStream body) {
    EventSession session =
        store.session(id).orElseThrow(() -> ApiError.notFound("Session not found"));
    JsonObject in = JsonApi.attributes(body);
    Map<String, String> fields = fields(in);
    List<EventFields.Field> form = EventFields.of(session.eventId());
    // Livestorm refuses an incomplete registration with 422, one error per missing field. Of the
    // built-in fields only email is enforced (the documentation's "only email is required").
    List<ApiError.FieldError> missing =
        form.stream()
            .filter(f -> f.required() && (f.custom() || f.id().equals("email")))
            .filter(f -> fields.get(f.id()) == null || fields.get(f.id()).isBlank())
            .map(f -> new ApiError.FieldError(f.id(), f.id() + " is required"))
            .toList();
    if (!missing.isEmpty()) {
      throw ApiError.unprocessable(missing);
    }
    String email = fields.get("email");
    if (!email.matches("[^@\\s]+@[^@\\s]+")) {
      throw ApiError.badRequest("fields: a valid email is required");
    }
    Map<String, String> answers = new java.util.LinkedHashMap<>();
    form.stream()
        .filter(EventFields.Field::custom)
        .filter(f -> fields.get(f.id()) != null)
        .forEach(f -> answers.put(f.id(), fields.get(f.id())));
    long now = store.now();
    Registration person =
        Registration.quiet(
            UUID.randomUUID().toString(),
            session,
            fields.get("first_name"),
            fields.get("last_name"),
            email.trim(),
            null,
            now,
            now,
            null,
            new Registration.Source(
                JsonApi.text(in, "referrer"),
                JsonApi.text(in, "utm_source"),
                JsonApi.text(in, "utm_medium"),
                JsonApi.text(in, "utm_campaign"),
                JsonApi.text(in, "utm_term"),
                JsonApi.text(in, "utm_content")),
            "API",
            Map.copyOf(answers));
    return switch (store.register(person)) {
      case REGISTERED -> JsonApi.created(JsonApi.one(view(person)));
      case ALREADY_REGISTERED ->
          throw new ApiError(409, "Conflict", "This person is already registered to this session");
      case NO_SUCH_SESSION -> throw ApiError.notFound("Session not found");
    };
  }

  /** {@code fields: [{id, value}]} as a map; multi-select arrays are joined for the sandbox. */
  private static Map<String, String> fields(JsonObject in) {
    JsonValue raw = in.get("fields");
    if (raw == null || raw.getValueType() != JsonValue.ValueType.ARRAY) {
      throw ApiError.badRequest("fields must be an array of {id, value}");
    }
    Map<String, String> fields = new java.util.HashMap<>();
    for (JsonValue item : raw.asJsonArray()) {
      if (item.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ApiError.badRequest("fields must be an array of {id, value}");
      }
      JsonObject field = item.asJsonObject();
      String id = JsonApi.text(field, "id");
      JsonValue value = field.get("value");
      if (id != null && value != null && value.getValueType() == JsonValue.ValueType.STRING) {
        fields.put(id, field.getString("value"));
      } else if (id != null && value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
        fields.put(id, value.toString());
      }
    }
    return fields;
  }

  public Map<String, Object> view(Registration p) {
    return PersonView.registrant(p, teamMember(p)).resource();
  }
}
