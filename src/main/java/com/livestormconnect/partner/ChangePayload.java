package com.livestormconnect.partner;

import com.livestormconnect.copy.CopyChanged;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Locale;

/**
 * The body sent to the partner for one change, in the Standard Webhooks shape: {@code type} (such
 * as {@code copy.person.created}), {@code timestamp} (when the change was recorded, not when it is
 * sent) and {@code data}. Field names are sorted so the same change always reads the same.
 */
final class ChangePayload {
  private ChangePayload() {}

  static String type(CopyChanged change) {
    return "copy."
        + change.kind().name().toLowerCase(Locale.ROOT)
        + "."
        + change.change().name().toLowerCase(Locale.ROOT);
  }

  static String json(CopyChanged change, Instant recordedAt) {
    JsonArrayBuilder fields = Json.createArrayBuilder();
    change.fields().stream().sorted().forEach(fields::add);
    JsonObjectBuilder data =
        Json.createObjectBuilder()
            .add("account_id", change.accountId())
            .add("kind", change.kind().name().toLowerCase(Locale.ROOT))
            .add("id", change.id());
    if (change.sessionId() != null) {
      data.add("session_id", change.sessionId());
    } else {
      data.addNull("session_id");
    }
    data.add("change", change.change().name().toLowerCase(Locale.ROOT)).add("fields", fields);
    if (change.updatedAt() != null) {
      data.add("updated_at", change.updatedAt().toString());
    } else {
      data.addNull("updated_at");
    }
    return Json.createObjectBuilder()
        .add("type", type(change))
        .add("timestamp", recordedAt.toString())
        .add("data", data)
        .build()
        .toString();
  }
}
