package com.livestormconnect.sandbox.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event's registration form ({@code fields}): Livestorm's built-in fields, then custom ones,
 * some required. Derived from the event's id, so every event keeps the same form on every start
 * without growing the demo data: a quarter of the events ask nothing more, a half require a company
 * (one of them also asks a job title), a quarter ask for interests (multiple answers).
 */
public final class EventFields {
  /** One field of the form. */
  public record Field(
      String id, String type, int order, boolean required, boolean custom, List<String> options) {}

  private static final List<String> COMPANIES =
      List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli");
  private static final List<String> INTERESTS = List.of("Product news", "Webinars", "Case studies");

  private EventFields() {}

  public static List<Field> of(String eventId) {
    List<Field> fields =
        new ArrayList<>(
            List.of(
                new Field("email", "text", 0, true, false, List.of()),
                new Field("first_name", "text", 1, true, false, List.of()),
                new Field("last_name", "text", 2, true, false, List.of()),
                new Field("avatar", "file", 3, false, false, List.of())));
    switch (kind(eventId)) {
      case 1 -> fields.add(new Field("company", "text", 4, true, true, List.of()));
      case 2 -> {
        fields.add(new Field("company", "text", 4, true, true, List.of()));
        fields.add(new Field("job_title", "text", 5, false, true, List.of()));
      }
      case 3 -> fields.add(new Field("interests", "multiple", 4, false, true, INTERESTS));
      default -> {}
    }
    return List.copyOf(fields);
  }

  /** The demo answers of a person who registered through Livestorm's page, stable per person. */
  public static Map<String, String> demoAnswers(String eventId, String personId) {
    Map<String, String> answers = new LinkedHashMap<>();
    int pick = Math.floorMod(personId.hashCode(), 5);
    for (Field f : of(eventId)) {
      if (f.id().equals("company")) {
        answers.put("company", COMPANIES.get(pick));
      } else if (f.id().equals("job_title") && pick % 2 == 0) {
        answers.put("job_title", "Head of marketing");
      } else if (f.id().equals("interests") && pick != 0) {
        answers.put("interests", INTERESTS.get(pick % INTERESTS.size()));
      }
    }
    return answers;
  }

  private static int kind(String eventId) {
    return Math.floorMod(
        UUID.nameUUIDFromBytes(eventId.getBytes(StandardCharsets.UTF_8)).hashCode(), 4);
  }
}
