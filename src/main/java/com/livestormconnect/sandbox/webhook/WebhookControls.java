package com.livestormconnect.sandbox.webhook;

import com.livestormconnect.sandbox.JsonBody;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.control.ControlKey;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.Webhook;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook test controls, sandbox only, with the same key and rules as the other controls: GET
 * deliveries (every attempt, the queue, the scheduled retries), GET subscriptions (each one's
 * state), GET secret, GET faults; POST retries (sends every retry due on the sandbox clock now and
 * answers when they are done), POST faults (drop_percent, copies, shuffle, delay_ms; members left
 * out go back to none), POST secret ({@code secret}, or {@code reset: true}), POST reset (forgets
 * attempts, retries, states and faults). The signature and listing variants are switched with the
 * other variants.
 */
@WebServlet("/sandbox/control/webhooks/*")
public class WebhookControls extends HttpServlet {
  private static final String JSON = "application/json; charset=utf-8";

  @Inject ControlKey key;

  @Inject Outbox outbox;

  @Inject SubscriptionStates states;

  @Inject WebhookSecret secret;

  @Inject DeliveryFaults faults;

  @Inject SandboxStore store;

  @Inject SandboxVariants variants;

  /** A value out of its bounds: the answer names the field. */
  private static final class BadValue extends RuntimeException {
    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!authorized(request, response)) {
      return;
    }
    switch (String.valueOf(request.getPathInfo())) {
      case "/deliveries" -> JsonBody.write(response, 200, JSON, deliveries());
      case "/subscriptions" -> JsonBody.write(response, 200, JSON, subscriptions());
      case "/secret" -> JsonBody.write(response, 200, JSON, secret());
      case "/faults" -> JsonBody.write(response, 200, JSON, faults());
      default -> problem(response, 404, "Unknown webhook control");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!authorized(request, response)) {
      return;
    }
    if (!isJson(request.getContentType())) {
      problem(response, 415, "Send a JSON object with Content-Type: application/json");
      return;
    }
    Optional<JsonObject> body = JsonBody.read(request);
    if (body.isEmpty()) {
      problem(response, 400, "The body must be a JSON object");
      return;
    }
    JsonObject params = body.get();
    try {
      switch (String.valueOf(request.getPathInfo())) {
        case "/retries" ->
            JsonBody.write(response, 200, JSON, Map.of("sent", outbox.runDueRetries()));
        case "/faults" -> {
          DeliveryFaults.Chosen chosen =
              new DeliveryFaults.Chosen(
                  (int) number(params, "drop_percent", 0, 0, 100),
                  (int) number(params, "copies", 1, 1, DeliveryFaults.MAX_COPIES),
                  flag(params, "shuffle"),
                  number(params, "delay_ms", 0, 0, DeliveryFaults.MAX_DELAY_MILLIS));
          faults.choose(chosen);
          JsonBody.write(response, 200, JSON, faults());
        }
        case "/secret" -> {
          if (params.get("reset") == JsonValue.TRUE) {
            secret.restore();
          } else if (params.get("secret") instanceof JsonString text
              && !text.getString().isBlank()
              && text.getString().length() <= 200) {
            secret.replace(text.getString());
          } else {
            throw new BadValue("secret must be a string of 1 to 200 characters (or reset: true)");
          }
          JsonBody.write(response, 200, JSON, secret());
        }
        case "/reset" -> {
          outbox.clear();
          states.clear();
          faults.choose(DeliveryFaults.Chosen.NONE);
          JsonBody.write(response, 200, JSON, deliveries());
        }
        default -> problem(response, 404, "Unknown webhook control");
      }
    } catch (BadValue e) {
      problem(response, 400, e.getMessage());
    }
  }

  private Map<String, Object> deliveries() {
    List<Map<String, Object>> attempts = new ArrayList<>();
    for (DeliveryAttempt a : outbox.attempts()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("delivery_id", a.deliveryId());
      row.put("subscription_id", a.subscriptionId());
      row.put("event", a.event());
      row.put("url", a.url());
      row.put("attempt", a.attempt());
      row.put("at", a.at());
      row.put("outcome", a.outcome());
      row.put("status", a.status());
      row.put("error", a.error());
      row.put("retry_at", a.retryAt());
      row.put("disabled", a.disabled());
      attempts.add(row);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("deliveries", attempts);
    document.put("queued", outbox.queued());
    document.put("retries", outbox.scheduledRetries());
    return document;
  }

  private Map<String, Object> subscriptions() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Webhook w : store.webhooks()) {
      SubscriptionStates.State state = states.of(w.id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", w.id());
      row.put("url", w.url());
      row.put("event", w.event());
      row.put("state", state.disabled() ? "disabled" : "active");
      row.put("failures", state.failures());
      row.put("last_status", state.lastStatus());
      row.put("disabled_at", state.disabledAt());
      all.add(row);
    }
    return Map.of("subscriptions", all);
  }

  private Map<String, Object> secret() {
    return Map.of(
        "secret",
        secret.current(),
        "signature",
        variants.value(SandboxVariants.Variant.WEBHOOK_SIGNATURE),
        "header",
        WebhookSignature.HEADER);
  }

  private Map<String, Object> faults() {
    DeliveryFaults.Chosen chosen = faults.current();
    return Map.of(
        "drop_percent",
        chosen.dropPercent(),
        "copies",
        chosen.copies(),
        "shuffle",
        chosen.shuffle(),
        "delay_ms",
        chosen.delayMillis());
  }

  private boolean authorized(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (key.matches(request.getHeader(ControlKey.HEADER))) {
      return true;
    }
    problem(
        response,
        403,
        "The test controls need the control key in the " + ControlKey.HEADER + " header");
    return false;
  }

  private static long number(JsonObject params, String name, long fallback, long min, long max) {
    JsonValue value = params.get(name);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    String bounds = name + " must be a whole number from " + min + " to " + max;
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new BadValue(bounds);
    }
    try {
      long parsed = number.longValueExact();
      if (parsed < min || parsed > max) {
        throw new BadValue(bounds);
      }
      return parsed;
    } catch (ArithmeticException tooBig) {
      throw new BadValue(bounds);
    }
  }

  private static boolean flag(JsonObject params, String name) {
    JsonValue value = params.get(name);
    if (value == null || value == JsonValue.NULL) {
      return false;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw new BadValue(name + " must be true or false");
    }
    return value == JsonValue.TRUE;
  }

  /** application/json with or without parameters; a form post (cross-site) is not. */
  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.toLowerCase(Locale.ROOT).equals("application/json");
  }

  private static void problem(HttpServletResponse response, int status, String message)
      throws IOException {
    JsonBody.write(response, status, JSON, Map.of("error", String.valueOf(message)));
  }
}
