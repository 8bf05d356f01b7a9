package com.livestormconnect.webhook;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One webhook delivery as Livestorm sends it: the resource in JSON:API shape under {@code data},
 * with {@code data.meta.webhook.event} and {@code data.meta.webhook.organization_id}; a person
 * carries {@code registrant_detail} with its {@code session_id}.
 *
 * @param event the webhook event, such as {@code people.attended}
 * @param organizationId the Livestorm workspace it came from, null when the body does not say
 * @param type the resource's JSON:API type ({@code events}, {@code sessions}, {@code people}...)
 * @param id the resource's id
 * @param sessionId the session a person's registration belongs to, or a session's own id
 * @param eventId the event a session belongs to, when the body says
 * @param updatedAt the resource's {@code updated_at} as sent (a person's registration's too)
 * @param data the {@code data} object, to be applied to the copy as it is
 */
record Delivery(
    String event,
    String organizationId,
    String type,
    String id,
    String sessionId,
    String eventId,
    String updatedAt,
    JsonObject data) {

  /** A body that is not a webhook delivery: not JSON, or no {@code data} object with an id. */
  static final class Malformed extends Exception {
    Malformed(String why) {
      super(why, null, false, false);
    }
  }

  Delivery withEvent(String name) {
    return new Delivery(name, organizationId, type, id, sessionId, eventId, updatedAt, data);
  }

  static Delivery parse(byte[] body) throws Malformed {
    JsonObject root;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new Malformed("not a JSON object");
    }
    JsonObject data = object(root, "data");
    if (data == null) {
      throw new Malformed("no data object");
    }
    String id = text(data, "id");
    String type = text(data, "type");
    if (id == null || type == null) {
      throw new Malformed("data has no id or type");
    }
    JsonObject webhook = object(object(data, "meta"), "webhook");
    String event = text(webhook, "event");
    JsonObject attributes = object(data, "attributes");
    JsonObject detail = object(attributes, "registrant_detail");
    String updatedAt = text(attributes, "updated_at");
    String sessionId;
    if ("sessions".equals(type)) {
      sessionId = id;
    } else {
      sessionId = text(detail, "session_id");
    }
    String detailUpdated = text(detail, "updated_at");
    if (detailUpdated != null) {
      updatedAt = (updatedAt == null ? "" : updatedAt) + "|" + detailUpdated;
    }
    return new Delivery(
        event == null ? "" : event,
        text(webhook, "organization_id"),
        type,
        id,
        sessionId,
        text(attributes, "event_id"),
        updatedAt,
        data);
  }

  /**
   * The deduplication key, unique in the inbox across nodes: the connection, the event, the
   * resource, its session and its {@code updated_at}, so the same change delivered again (a retry,
   * a duplicate) is recognised while a later change of the same resource is not. Livestorm sends no
   * delivery id. Without an {@code updated_at}, the body's own bytes stand in for it: only an
   * identical delivery is then a duplicate.
   */
  String key(long accountId, byte[] body) {
    String version = updatedAt != null ? updatedAt : "body:" + sha256(body);
    String joined =
        String.join(
            "\n",
            Long.toString(accountId),
            event,
            type,
            id,
            sessionId == null ? "" : sessionId,
            version);
    return sha256(joined.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static JsonObject object(JsonObject parent, String name) {
    if (parent == null) {
      return null;
    }
    JsonValue value = parent.get(name);
    return value instanceof JsonObject o ? o : null;
  }

  private static String text(JsonObject parent, String name) {
    if (parent == null) {
      return null;
    }
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value.getValueType() == JsonValue.ValueType.STRING
        ? parent.getString(name)
        : value.toString();
  }
}
