package com.livestormconnect.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.copy.CopyChanged;
import com.livestormconnect.copy.CopyChanged.Change;
import com.livestormconnect.copy.CopyChanged.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangePayloadTest {
  @Test
  void tellsTheTypeTheTimeAndWhatChanged() {
    CopyChanged change =
        new CopyChanged(
            7,
            Kind.PERSON,
            "p-1",
            "s-1",
            Change.UPDATED,
            Set.of("attended", "duration"),
            Instant.parse("2026-12-06T11:59:00Z"));
    JsonObject body =
        Json.createReader(
                new StringReader(ChangePayload.json(change, Instant.parse("2026-12-06T12:00:00Z"))))
            .readObject();
    assertEquals("copy.person.updated", body.getString("type"));
    assertEquals("2026-12-06T12:00:00Z", body.getString("timestamp"));
    JsonObject data = body.getJsonObject("data");
    assertEquals(7, data.getInt("account_id"));
    assertEquals("person", data.getString("kind"));
    assertEquals("p-1", data.getString("id"));
    assertEquals("s-1", data.getString("session_id"));
    assertEquals("updated", data.getString("change"));
    assertEquals(
        Json.createArrayBuilder().add("attended").add("duration").build(),
        data.getJsonArray("fields"));
    assertEquals("2026-12-06T11:59:00Z", data.getString("updated_at"));
  }

  @Test
  void aDeletedEventHasNoSessionAndNoUpdatedAt() {
    CopyChanged gone = new CopyChanged(1, Kind.EVENT, "e-1", null, Change.DELETED, Set.of(), null);
    assertEquals("copy.event.deleted", ChangePayload.type(gone));
    JsonObject data =
        Json.createReader(new StringReader(ChangePayload.json(gone, Instant.EPOCH)))
            .readObject()
            .getJsonObject("data");
    assertTrue(data.isNull("session_id"));
    assertTrue(data.isNull("updated_at"));
    assertTrue(data.getJsonArray("fields").isEmpty());
  }
}
