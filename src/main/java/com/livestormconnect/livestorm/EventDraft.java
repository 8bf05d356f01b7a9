package com.livestormconnect.livestorm;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** What we send to create or edit an event; null fields are left out (unchanged on edit). */
public record EventDraft(
    String title,
    String description,
    String status,
    Boolean chatEnabled,
    Boolean questionsEnabled,
    Boolean pollsEnabled) {

  JsonObjectBuilder attributes() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (title != null) {
      b.add("title", title);
    }
    if (description != null) {
      b.add("description", description);
    }
    if (status != null) {
      b.add("status", status);
    }
    if (chatEnabled != null) {
      b.add("chat_enabled", chatEnabled);
    }
    if (questionsEnabled != null) {
      b.add("questions_enabled", questionsEnabled);
    }
    if (pollsEnabled != null) {
      b.add("polls_enabled", pollsEnabled);
    }
    return b;
  }
}
