package com.livestormconnect.livestorm;

import com.livestormconnect.config.LivestormSettings;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange with Livestorm's API through the Jakarta REST client: the Bearer header, the
 * JSON:API media type, timeouts, and the rate-limit headers of every answer. A non-2xx answer or
 * a transport failure becomes an {@link HttpFailure} for the interceptor; retries are not done
 * here. Exception messages never carry the request's headers.
 */
@ApplicationScoped
public class LivestormHttp {
  static final String JSON_API = "application/vnd.api+json";

  @Inject
  LivestormSettings settings;

  @Inject
  Quotas quotas;

  private Client client;

  @PostConstruct
  void open() {
    client = ClientBuilder.newBuilder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // Jersey's default connector can only send PATCH with this switch; other clients ignore it.
        .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
        .build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  String get(Access access, String path, Map<String, String> query) {
    return exchange(access, "GET", path, query, null);
  }

  String send(Access access, String method, String path, JsonObject body) {
    return exchange(access, method, path, Map.of(), body);
  }

  private String exchange(Access access, String method, String path, Map<String, String> query,
      JsonObject body) {
    URI uri = URI.create(settings.apiUrl() + path + encode(query));
    Invocation.Builder request = client.target(uri).request(JSON_API)
        .header("Authorization", "Bearer " + access.bearer());
    try (Response response = body == null
        ? request.method(method)
        : request.method(method, Entity.entity(body.toString(), JSON_API))) {
      quotas.record(access.connectionId(), response::getHeaderString);
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      int status = response.getStatus();
      if (status >= 200 && status < 300) {
        return text;
      }
      throw new HttpFailure(path, status, Optional.ofNullable(response.getHeaderString("Retry-After")),
          Optional.ofNullable(response.getHeaderString("WWW-Authenticate")), errorDetail(text), null);
    } catch (ProcessingException e) {
      // Timeouts, refused or reset connections. The cause's message names host and port only.
      throw new HttpFailure(path, 0, Optional.empty(), Optional.empty(),
          rootCause(e).getClass().getSimpleName(), e);
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
          String pointer = e.get("source") instanceof JsonObject source ? JsonApi.text(source, "pointer") : null;
          joined.add((detail != null ? detail : String.valueOf(JsonApi.text(e, "title")))
              + (pointer == null ? "" : " [" + pointer + "]"));
        }
      }
      String text = joined.toString();
      return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    } catch (LivestormException notJson) {
      return "";
    }
  }

  static String encode(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    query.forEach((name, value) -> joined.add(component(name) + "=" + component(value)));
    return joined.toString();
  }

  private static String component(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
