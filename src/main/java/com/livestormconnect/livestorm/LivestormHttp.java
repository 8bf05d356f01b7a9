package com.livestormconnect.livestorm;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.livestorm.budget.CallBudget;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange with Livestorm's API through the Jakarta REST client: the Bearer header, the
 * JSON:API media type, timeouts, and the rate-limit headers of every answer. A non-2xx answer or a
 * transport failure becomes an {@link HttpFailure} for the interceptor; retries are not done here.
 * Exception messages never carry the request's headers.
 */
@ApplicationScoped
public class LivestormHttp {
  static final String JSON_API = "application/vnd.api+json";

  @Inject LivestormSettings settings;

  /** Told the rate-limit headers of every answer (the monthly quota's figures). */
  @Inject CallBudget budget;

  private Client client;

  @PostConstruct
  void open() {
    client =
        ClientBuilder.newBuilder()
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            // Jersey's default connector can only send PATCH with this switch; other clients ignore
            // it.
            .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
            .build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * A GET of {@code path}, a template such as {@code /events/{id}} whose values come from {@code
   * segments} and travel as one path segment each, and {@code query}, whose values travel verbatim;
   * both are percent-encoded by the REST client (see {@link #target}).
   */
  String get(Access access, String path, Map<String, String> segments, Map<String, String> query) {
    return exchange(access, "GET", path, segments, query, null);
  }

  String send(
      Access access, String method, String path, Map<String, String> segments, JsonObject body) {
    return exchange(access, method, path, segments, Map.of(), body);
  }

  /**
   * The request's URL, built by the REST client from templates: every value (an id from our own
   * URLs, a filter typed by a user) is resolved with {@code resolveTemplates}, which
   * percent-encodes whatever a path segment or a query value cannot hold as is, {@code /} and
   * {@code %} included. Query values go through templates too, because {@code queryParam} alone
   * would keep a {@code %xx} in the value as an escape and read {@code {x}} as a template.
   */
  WebTarget target(String path, Map<String, String> segments, Map<String, String> query) {
    Map<String, Object> values = new HashMap<>(segments);
    WebTarget target = client.target(settings.apiUrl()).path(path);
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      String name = "query" + values.size();
      target = target.queryParam(parameter.getKey(), "{" + name + "}");
      values.put(name, parameter.getValue());
    }
    return target.resolveTemplates(values);
  }

  private String exchange(
      Access access,
      String method,
      String path,
      Map<String, String> segments,
      Map<String, String> query,
      JsonObject body) {
    Invocation.Builder request =
        target(path, segments, query)
            .request(JSON_API)
            .header("Authorization", "Bearer " + access.bearer());
    try (Response response =
        body == null
            ? request.method(method)
            : request.method(method, Entity.entity(body.toString(), JSON_API))) {
      budget.heard(access.connectionId(), response::getHeaderString);
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      int status = response.getStatus();
      if (status >= 200 && status < 300) {
        return text;
      }
      throw new HttpFailure(
          path,
          status,
          Optional.ofNullable(response.getHeaderString("Retry-After")),
          Optional.ofNullable(response.getHeaderString("WWW-Authenticate")),
          errorDetail(text),
          null);
    } catch (ProcessingException e) {
      // Timeouts, refused or reset connections. The cause's message names host and port only.
      throw new HttpFailure(
          path, 0, Optional.empty(), Optional.empty(), rootCause(e).getClass().getSimpleName(), e);
    }
  }

  /** JSON:API error titles and details when Livestorm sends them; otherwise nothing. */
  static String errorDetail(String body) {
    try {
      JsonObject document = JsonApi.parse(body, "");
      if (!(document.get("errors") instanceof JsonArray errors)) {
        return "";
      }
      StringJoiner joined = new StringJoiner("; ");
      for (JsonValue error : errors) {
        if (error instanceof JsonObject e) {
          String detail = JsonApi.text(e, "detail");
          String pointer =
              e.get("source") instanceof JsonObject source ? JsonApi.text(source, "pointer") : null;
          joined.add(
              (detail != null ? detail : String.valueOf(JsonApi.text(e, "title")))
                  + (pointer == null ? "" : " [" + pointer + "]"));
        }
      }
      String text = joined.toString();
      return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    } catch (LivestormException notJson) {
      return "";
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
