package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Registration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Registering someone to a session, as typed: the form fields Livestorm always has (email, first
 * and last name) and the optional tracking parameters of a registration.
 */
public record RegistrationForm(String email, String firstName, String lastName, String referrer,
    String utmSource, String utmMedium, String utmCampaign) {
  static final int MAX = 200;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public static final RegistrationForm BLANK = new RegistrationForm("", "", "", "", "", "", "");

  static RegistrationForm from(HttpServletRequest request) {
    return new RegistrationForm(field(request, "email"), field(request, "firstName"),
        field(request, "lastName"), field(request, "referrer"), field(request, "utmSource"),
        field(request, "utmMedium"), field(request, "utmCampaign"));
  }

  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (email.isEmpty()) {
      errors.put("email", "registration.error.emailMissing");
    } else if (!EMAIL.matcher(email).matches() || email.length() > MAX) {
      errors.put("email", "registration.error.email");
    }
    Map<String, String> others = Map.of("firstName", firstName, "lastName", lastName,
        "referrer", referrer, "utmSource", utmSource, "utmMedium", utmMedium, "utmCampaign", utmCampaign);
    others.forEach((name, value) -> {
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
    return new Registration(fields, tracking);
  }

  private static String field(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value.strip();
  }
}
