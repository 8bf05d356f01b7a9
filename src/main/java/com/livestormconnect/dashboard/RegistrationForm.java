package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Registration;
import com.livestormconnect.livestorm.RegistrationField;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Registering someone to a session, as typed: the form fields Livestorm always has (email, first
 * and last name), the event's custom fields (by field id, posted as {@code field.<id>}) and the
 * optional tracking parameters of a registration.
 */
public record RegistrationForm(
    String email,
    String firstName,
    String lastName,
    String referrer,
    String utmSource,
    String utmMedium,
    String utmCampaign,
    Map<String, String> custom) {
  static final int MAX = 200;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final String CUSTOM = "field.";

  public static final RegistrationForm BLANK =
      new RegistrationForm("", "", "", "", "", "", "", Map.of());

  public RegistrationForm {
    custom = Map.copyOf(custom);
  }

  /** The form as posted; only the custom fields the event's form has are kept. */
  static RegistrationForm from(HttpServletRequest request, List<RegistrationField> fields) {
    Map<String, String> custom = new LinkedHashMap<>();
    fields.stream()
        .filter(RegistrationField::custom)
        .forEach(f -> custom.put(f.id(), field(request, CUSTOM + f.id())));
    return new RegistrationForm(
        field(request, "email"),
        field(request, "firstName"),
        field(request, "lastName"),
        field(request, "referrer"),
        field(request, "utmSource"),
        field(request, "utmMedium"),
        field(request, "utmCampaign"),
        custom);
  }

  /** A custom field's value as typed, for the form. */
  public String value(String fieldId) {
    return custom.getOrDefault(fieldId, "");
  }

  /** Our own checks, including the event's required custom fields (keys: {@code field.<id>}). */
  public Map<String, String> errors(List<RegistrationField> fields) {
    Map<String, String> errors = errors();
    for (RegistrationField f : fields) {
      if (!f.custom()) {
        continue;
      }
      String value = value(f.id());
      if (f.required() && value.isEmpty()) {
        errors.put(CUSTOM + f.id(), "registration.error.required");
      } else if (value.length() > MAX) {
        errors.put(CUSTOM + f.id(), "registration.error.long");
      }
    }
    return errors;
  }

  /**
   * Livestorm's refusal (422) of some fields, from the JSON:API pointers it names ({@code
   * /data/attributes/fields/<id>}), keyed as the form's fields are.
   */
  static Map<String, String> refusedFields(String refusal, List<RegistrationField> fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (RegistrationField f : fields) {
      if (refusal != null && refusal.contains("/fields/" + f.id() + "]")) {
        String key =
            switch (f.id()) {
              case "email" -> "email";
              case "first_name" -> "firstName";
              case "last_name" -> "lastName";
              default -> CUSTOM + f.id();
            };
        errors.put(key, "registration.error.refused");
      }
    }
    return errors;
  }

  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (email.isEmpty()) {
      errors.put("email", "registration.error.emailMissing");
    } else if (!EMAIL.matcher(email).matches() || email.length() > MAX) {
      errors.put("email", "registration.error.email");
    }
    Map<String, String> others =
        Map.of(
            "firstName",
            firstName,
            "lastName",
            lastName,
            "referrer",
            referrer,
            "utmSource",
            utmSource,
            "utmMedium",
            utmMedium,
            "utmCampaign",
            utmCampaign);
    others.forEach(
        (name, value) -> {
          if (value.length() > MAX) {
            errors.put(name, "registration.error.long");
          }
        });
    return errors;
  }

  Registration toRegistration() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", email);
    fields.put("first_name", firstName);
    fields.put("last_name", lastName);
    Map<String, String> tracking = new LinkedHashMap<>();
    tracking.put("referrer", referrer);
    tracking.put("utm_source", utmSource);
    tracking.put("utm_medium", utmMedium);
    tracking.put("utm_campaign", utmCampaign);
    fields.putAll(custom);
    return new Registration(fields, tracking);
  }

  private static String field(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value.strip();
  }
}
