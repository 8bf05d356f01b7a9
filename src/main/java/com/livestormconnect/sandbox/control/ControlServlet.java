package com.livestormconnect.sandbox.control;

import com.livestormconnect.sandbox.JsonBody;
import com.livestormconnect.sandbox.SandboxClock;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.api.RateLimits;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Test controls, sandbox only: GET stats, POST reset-stats, POST faults (status, count,
 * retryAfter), POST clock (advance, in seconds), GET and POST variants (see {@link SandboxVariants}),
 * POST quota (remaining: the calls left this period), POST lost-refresh-answers (count). Parameters come as form fields or a JSON object.
 */
@WebServlet("/sandbox/control/*")
public class ControlServlet extends HttpServlet {
  private static final String JSON = "application/json; charset=utf-8";

  @Inject
  SandboxStats stats;

  @Inject
  Faults faults;

  @Inject
  SandboxClock clock;

  @Inject
  SandboxVariants variants;

  @Inject
  RateLimits limits;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if ("/stats".equals(request.getPathInfo())) {
      JsonBody.write(response, 200, JSON, stats.snapshot());
    } else if ("/variants".equals(request.getPathInfo())) {
      JsonBody.write(response, 200, JSON, variants.all());
    } else {
      problem(response, 404, "Unknown control; see GET /sandbox/control/stats");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = String.valueOf(request.getPathInfo());
    Map<String, String> params = params(request);
    try {
      switch (path) {
        case "/reset-stats" -> {
          stats.reset();
          JsonBody.write(response, 200, JSON, stats.snapshot());
        }
        case "/faults" -> queueFaults(params, response);
        case "/clock" -> {
          clock.advance(Duration.ofSeconds(Long.parseLong(required(params, "advance"))));
          JsonBody.write(response, 200, JSON, Map.of("offset_seconds", clock.offset().toSeconds()));
        }
        case "/variants" -> switchVariants(params, response);
        case "/quota" -> {
          long left = limits.setRemaining(Long.parseLong(required(params, "remaining")));
          JsonBody.write(response, 200, JSON, Map.of("remaining", left));
        }
        case "/lost-refresh-answers" -> {
          int count = Integer.parseInt(params.getOrDefault("count", "1"));
          faults.loseRefreshAnswers(count);
          JsonBody.write(response, 200, JSON, Map.of("count", count));
        }
        default -> problem(response, 404, "Unknown control");
      }
    } catch (IllegalArgumentException e) {
      problem(response, 400, e.getMessage());
    }
  }

  private void queueFaults(Map<String, String> params, HttpServletResponse response) throws IOException {
    int status = Integer.parseInt(required(params, "status"));
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be between 400 and 599");
    }
    int count = Integer.parseInt(params.getOrDefault("count", "1"));
    int retryAfter = Integer.parseInt(params.getOrDefault("retryAfter", "1"));
    faults.queue(status, count, retryAfter);
    JsonBody.write(response, 200, JSON,
        Map.of("status", status, "count", count, "retryAfter", retryAfter));
  }

  /** {@code {"reset": true}} puts every variant back to its setting; other members switch one each. */
  private void switchVariants(Map<String, String> params, HttpServletResponse response) throws IOException {
    if ("true".equals(params.remove("reset"))) {
      variants.reset();
    }
    params.forEach(variants::set);
    JsonBody.write(response, 200, JSON, variants.all());
  }

  private static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing parameter: " + name);
    }
    return value.trim();
  }

  /** Form fields, or the members of a JSON object body (numbers and strings alike). */
  private static Map<String, String> params(HttpServletRequest request) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String type = String.valueOf(request.getContentType());
    if (type.contains("json")) {
      Optional<JsonObject> body = JsonBody.read(request);
      body.ifPresent(json -> json.forEach((k, v) -> params.put(k,
          v.getValueType() == JsonValue.ValueType.STRING ? json.getString(k) : v.toString())));
    } else {
      request.getParameterMap().forEach((k, v) -> params.put(k, v[0]));
    }
    return params;
  }

  private static void problem(HttpServletResponse response, int status, String message) throws IOException {
    JsonBody.write(response, status, JSON, Map.of("error", String.valueOf(message)));
  }
}
