package com.livestormconnect.sandbox.control;

import com.livestormconnect.sandbox.JsonBody;
import com.livestormconnect.sandbox.SandboxClock;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.api.RateLimits;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Test controls, sandbox only: GET stats, POST reset-stats, POST faults (status, count,
 * retryAfter), POST clock (advance, in seconds; frozen, true or false), GET and POST variants (see
 * {@link SandboxVariants}), POST quota (remaining: the monthly calls left this period), POST
 * lost-refresh-answers (count), GET and POST held-refresh-answers (hold, true or false), the data
 * controls of {@link DataControls} (POST register, start-session, end-session...), GET dump (see
 * {@link Dump}). Every request needs the control key in the {@value ControlKey#HEADER} header (403
 * otherwise), POSTs take a JSON object only (415 otherwise), and every value is bounded: a bad one
 * is a 400 naming the field, and nothing changes.
 */
@WebServlet("/sandbox/control/*")
public class ControlServlet extends HttpServlet {
  private static final String JSON = "application/json; charset=utf-8";

  /** One clock move: enough to expire anything the sandbox issues, far from any overflow. */
  static final long MAX_ADVANCE_SECONDS = Duration.ofDays(400).toSeconds();

  @Inject SandboxStats stats;

  @Inject Faults faults;

  @Inject SandboxClock clock;

  @Inject ControlKey key;

  @Inject SandboxVariants variants;

  @Inject RateLimits limits;

  @Inject DataControls data;

  @Inject Dump dump;

  /**
   * A value out of its bounds (a 400 naming the field), or a refused control (404 for what does not
   * exist, 409 for a change the data's state refuses).
   */
  static final class BadValue extends RuntimeException {
    private final int status;

    BadValue(String message) {
      this(400, message);
    }

    BadValue(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!authorized(request, response)) {
      return;
    }
    if ("/stats".equals(request.getPathInfo())) {
      JsonBody.write(response, 200, JSON, stats.snapshot());
    } else if ("/variants".equals(request.getPathInfo())) {
      JsonBody.write(response, 200, JSON, variants.all());
    } else if ("/held-refresh-answers".equals(request.getPathInfo())) {
      writeHeldRefreshAnswers(response);
    } else if ("/dump".equals(request.getPathInfo())) {
      response.setStatus(200);
      response.setContentType(JSON);
      dump.write(response.getOutputStream());
    } else {
      problem(response, 404, "Unknown control; see GET /sandbox/control/stats");
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
        case "/reset-stats" -> {
          stats.reset();
          JsonBody.write(response, 200, JSON, stats.snapshot());
        }
        case "/faults" -> queueFaults(params, response);
        case "/clock" -> {
          JsonValue frozen = params.get("frozen");
          if (frozen != null && frozen != JsonValue.TRUE && frozen != JsonValue.FALSE) {
            throw new BadValue("frozen must be true or false");
          }
          // Either member alone, or both: advance is required only without frozen.
          long advance =
              number(params, "advance", frozen == null ? null : 0L, 1, MAX_ADVANCE_SECONDS);
          if (advance > 0
              && !clock.advanceWithin(Duration.ofSeconds(advance), SandboxClock.MAX_OFFSET)) {
            throw new BadValue(
                "advance would move the clock more than "
                    + SandboxClock.MAX_OFFSET.toDays()
                    + " days ahead in total");
          }
          if (frozen != null) {
            clock.freeze(frozen == JsonValue.TRUE);
          }
          JsonBody.write(
              response,
              200,
              JSON,
              Map.of("offset_seconds", clock.offset().toSeconds(), "frozen", clock.frozen()));
        }
        case "/variants" -> switchVariants(params, response);
        case "/quota" -> {
          long left = limits.setRemaining(number(params, "remaining", null, 0, 1_000_000_000));
          JsonBody.write(response, 200, JSON, Map.of("remaining", left));
        }
        case "/bad-answers" -> queueBadAnswers(params, response);
        case "/lost-refresh-answers" -> {
          int count = (int) number(params, "count", 1L, 0, 100);
          faults.loseRefreshAnswers(count);
          JsonBody.write(response, 200, JSON, Map.of("count", count));
        }
        case "/held-refresh-answers" -> {
          JsonValue hold = params.get("hold");
          if (hold != JsonValue.TRUE && hold != JsonValue.FALSE) {
            throw new BadValue("hold must be true or false");
          }
          faults.holdRefreshAnswers(hold == JsonValue.TRUE);
          writeHeldRefreshAnswers(response);
        }
        default -> {
          if (DataControls.PATHS.contains(request.getPathInfo())) {
            JsonBody.write(response, 200, JSON, data.run(request.getPathInfo(), params));
          } else {
            problem(response, 404, "Unknown control");
          }
        }
      }
    } catch (BadValue e) {
      problem(response, e.status, e.getMessage());
    }
  }

  private void writeHeldRefreshAnswers(HttpServletResponse response) throws IOException {
    JsonBody.write(
        response,
        200,
        JSON,
        Map.of("hold", faults.holdingRefreshAnswers(), "held", faults.heldRefreshAnswers()));
  }

  private boolean authorized(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (key.matches(request.getHeader(ControlKey.HEADER))) {
      return true;
    }
    problem(
        response,
        403,
        "The test controls need the control key in the "
            + ControlKey.HEADER
            + " header (SANDBOX_CONTROL_KEY, or the file sandbox-control-key in DATA_DIR)");
    return false;
  }

  private void queueFaults(JsonObject params, HttpServletResponse response) throws IOException {
    int status = (int) number(params, "status", null, 400, 599);
    int count = (int) number(params, "count", 1L, 1, 100);
    int retryAfter = (int) number(params, "retryAfter", 1L, 0, 86_400);
    faults.queue(status, count, retryAfter);
    JsonBody.write(
        response, 200, JSON, Map.of("status", status, "count", count, "retryAfter", retryAfter));
  }

  /**
   * {@code {"kind": "malformed|shrunk|record_count|long_id", "count": n, "path": "..."}}: the next
   * {@code count} successful list answers whose path contains {@code path} (any list when absent)
   * are spoilt that way.
   */
  private void queueBadAnswers(JsonObject params, HttpServletResponse response) throws IOException {
    String kind = params.getString("kind", "");
    if (!Faults.BAD_ANSWERS.contains(kind)) {
      throw new BadValue("kind must be one of " + Faults.BAD_ANSWERS);
    }
    int count = (int) number(params, "count", 1L, 0, 100);
    String path = params.getString("path", "");
    if (path.length() > 300) {
      throw new BadValue("path must be at most 300 characters");
    }
    faults.queueBadAnswers(kind, count, path);
    JsonBody.write(response, 200, JSON, Map.of("kind", kind, "count", count, "path", path));
  }

  /**
   * {@code {"reset": true}} puts every variant back to its setting; other members (strings) switch
   * one each. Nothing changes unless every member is valid.
   */
  private void switchVariants(JsonObject params, HttpServletResponse response) throws IOException {
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          if (!name.equals("reset")) {
            if (!(value instanceof jakarta.json.JsonString text)) {
              throw new BadValue(name + " must be a string");
            }
            wanted.put(name, text.getString());
          }
        });
    Map<String, String> before = variants.all();
    try {
      if (params.get("reset") == JsonValue.TRUE) {
        variants.reset();
      }
      wanted.forEach(variants::set);
    } catch (IllegalArgumentException e) {
      before.forEach(variants::set);
      throw new BadValue(e.getMessage());
    }
    JsonBody.write(response, 200, JSON, variants.all());
  }

  /** A whole JSON number within [min, max]; {@code fallback} when absent (null: required). */
  static long number(JsonObject params, String name, Long fallback, long min, long max) {
    JsonValue value = params.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (fallback == null) {
        throw new BadValue(name + " is required");
      }
      return fallback;
    }
    String bounds = name + " must be a whole number from " + min + " to " + max;
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new BadValue(bounds);
    }
    long parsed;
    try {
      parsed = number.longValueExact();
    } catch (ArithmeticException tooBig) {
      throw new BadValue(bounds);
    }
    if (parsed < min || parsed > max) {
      throw new BadValue(bounds);
    }
    return parsed;
  }

  /**
   * application/json, with or without parameters; form posts (what a cross-site page can send) are
   * not.
   */
  static boolean isJson(String contentType) {
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
