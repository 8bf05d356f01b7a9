package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.RegistrationField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationFormTest {
  private static final List<RegistrationField> FIELDS =
      List.of(
          new RegistrationField("email", "text", true, false, List.of()),
          new RegistrationField("company", "text", true, true, List.of()),
          new RegistrationField("job_title", "text", false, true, List.of()));

  private static RegistrationForm form(Map<String, String> custom) {
    return new RegistrationForm("ada@example.com", "Ada", "", "", "", "", "", custom);
  }

  @Test
  void aRequiredCustomFieldLeftEmptyIsAnErrorBesideIt() {
    assertEquals(
        Map.of("field.company", "registration.error.required"),
        form(Map.of("company", "", "job_title", "")).errors(FIELDS));
    assertTrue(form(Map.of("company", "Acme")).errors(FIELDS).isEmpty());
  }

  @Test
  void customAnswersGoToLivestormByFieldId() {
    Map<String, String> fields = form(Map.of("company", "Acme")).toRegistration().fields();
    assertEquals("Acme", fields.get("company"));
    assertEquals("ada@example.com", fields.get("email"));
  }

  @Test
  void livestormsRefusalIsShownBesideTheFieldsItPointsAt() {
    String refusal =
        "/sessions/x/people answered 422: company is required [/data/attributes/fields/company];"
            + " email is required [/data/attributes/fields/email]";
    assertEquals(
        Map.of(
            "field.company", "registration.error.refused", "email", "registration.error.refused"),
        RegistrationForm.refusedFields(refusal, FIELDS));
    assertEquals(Map.of(), RegistrationForm.refusedFields("answered 422: nope", FIELDS));
  }
}
