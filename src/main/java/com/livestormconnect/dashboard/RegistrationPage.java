package com.livestormconnect.dashboard;

import com.livestormconnect.copy.Scope;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.LivestormException.Kind;
import com.livestormconnect.livestorm.RegistrationField;
import com.livestormconnect.livestorm.Session;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /sessions/{id}/register}: the session's registration form, built from its event's fields,
 * and its submission, where each refusal (a field, an address already registered, Livestorm
 * failing) gets its own status and message and the form keeps what was typed.
 */
@Dependent
class RegistrationPage {
  @Inject LivestormClient client;

  @Inject CopyWrites writes;

  void show(ItemPage item, Optional<Session> session) throws IOException {
    render(item, RegistrationForm.BLANK, Map.of(), 200, fields(item.page(), session));
  }

  void submit(ItemPage item) throws IOException {
    DashboardPage page = item.page();
    Optional<Session> session = page.attempt(() -> client.session(page.access(), item.id()));
    page.put("currentSession", session.orElse(null));
    // The form is the event's: its custom fields, some required (Livestorm answers 422 otherwise).
    List<RegistrationField> fields = fields(page, session);
    RegistrationForm form = RegistrationForm.from(item.request(), fields);
    Map<String, String> errors = form.errors(fields);
    int status = 400;
    if (errors.isEmpty() && page.problems().isEmpty()) {
      try {
        JsonObject person =
            client.registerResource(page.access(), item.id(), form.toRegistration());
        // The session's page reads the copy: the new person is in it at once. The session's
        // counts are Livestorm's to compute: its list is re-read soon.
        writes.written(page.accountId(), "people", person, Scope.people(item.id()), person);
        session
            .map(Session::eventId)
            .ifPresent(e -> writes.stale(page.accountId(), Scope.sessions(e)));
        item.redirectToItem("", "flash.registered");
        return;
      } catch (LivestormException e) {
        if (e.kind() == Kind.CONFLICT) {
          errors = Map.of("email", "registration.error.already");
          status = 409;
        } else if (e.status() == 422
            && !RegistrationForm.refusedFields(e.getMessage(), fields).isEmpty()) {
          errors = RegistrationForm.refusedFields(e.getMessage(), fields);
          status = 422;
        } else {
          page.problems().note(e);
          status = 502;
        }
      }
    } else if (!page.problems().isEmpty()) {
      status = 502;
    }
    render(item, form, errors, status, fields);
  }

  /** The registration form of the session's event; without it, only the built-in fields. */
  private List<RegistrationField> fields(DashboardPage page, Optional<Session> session) {
    return session
        .flatMap(s -> page.attempt(() -> client.registrationFields(page.access(), s.eventId())))
        .orElse(List.of());
  }

  private static void render(
      ItemPage item,
      RegistrationForm form,
      Map<String, String> errors,
      int status,
      List<RegistrationField> fields)
      throws IOException {
    item.page()
        .put("form", form)
        .put("errors", errors)
        .put("customFields", fields.stream().filter(RegistrationField::custom).toList());
    item.render(status, "sessions/register");
  }
}
