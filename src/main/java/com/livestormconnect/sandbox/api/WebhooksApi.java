package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** /webhooks: list (filter[event]), create, delete. The sandbox records them but sends nothing. */
@ApplicationScoped
public class WebhooksApi {
  @Inject
  SandboxStore store;

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/webhooks", "webhooks", this::list),
        Route.of("POST", "/webhooks", "webhooks", this::create),
        Route.of("DELETE", "/webhooks/{id}", "webhooks", r -> {
          if (!store.deleteWebhook(r.path("id"))) {
            throw ApiError.notFound("Webhook not found");
          }
          return Reply.noContent();
        }));
  }

  private Reply list(ApiRequest request) {
    String event = request.filter("event");
    List<Webhook> hooks = store.webhooks().stream().filter(w -> event == null || w.event().equals(event)).toList();
    return Reply.ok(JsonApi.list(request.page(), hooks, this::view));
  }

  private Reply create(ApiRequest request) {
    JsonObject in = request.attributes();
    String url = ApiRequest.text(in, "url");
    String event = ApiRequest.text(in, "event");
    if (url == null || event == null) {
      throw ApiError.badRequest("url and event are required");
    }
    if (!isHttpUrl(url)) {
      throw ApiError.unprocessable("url must be an absolute http or https URL");
    }
    if (!Webhook.EVENTS.contains(event)) {
      throw ApiError.unprocessable("event must be one of " + String.join(", ", Webhook.EVENTS.stream().sorted().toList()));
    }
    return Reply.created(JsonApi.one(view(store.createWebhook(url, event))));
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private Map<String, Object> view(Webhook w) {
    return JsonApi.resource("webhooks", w.id(), attributes(
        "url", w.url(), "event", w.event(), "created_at", w.createdAt(), "updated_at", w.updatedAt()));
  }
}
