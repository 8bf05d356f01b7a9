package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.EventDraft;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The create and edit form of an event, as typed; {@link #errors()} maps fields to message keys.
 */
public record EventForm(String title, String description, String status) {
  static final int MAX_TITLE = 300;
  static final int MAX_DESCRIPTION = 10_000;
  static final Set<String> STATUSES = Set.of("draft", "published");

  public static final EventForm BLANK = new EventForm("", "", "draft");

  static EventForm from(HttpServletRequest request) {
    return new EventForm(
        trimmed(request.getParameter("title")),
        trimmed(request.getParameter("description")),
        trimmed(request.getParameter("status")));
  }

  static EventForm of(Event event) {
    return new EventForm(
        nonNull(event.title()),
        nonNull(event.description()),
        "published".equals(event.status()) ? "published" : "draft");
  }

  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (title.isEmpty()) {
      errors.put("title", "eventForm.error.titleMissing");
    } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
      errors.put("title", "eventForm.error.titleLong");
    }
    if (description.length() > MAX_DESCRIPTION) {
      errors.put("description", "eventForm.error.descriptionLong");
    }
    if (!STATUSES.contains(status)) {
      errors.put("status", "eventForm.error.status");
    }
    return errors;
  }

  EventDraft toDraft() {
    return new EventDraft(title, description, status, null, null, null);
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.strip();
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
