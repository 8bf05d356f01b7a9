package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** /webhooks: list (filter[event]), create, delete. The sandbox records them but sends nothing. */
@Path("/")
@RequiredScope("webhooks")
@ApplicationScoped
public class WebhooksApi {
  @Inject SandboxStore store;

  @Inject Pagination pagination;

  @GET
  @Path("webhooks")
  public Response list(
      @QueryParam("filter[event]") String eventFilter,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size) {
    String event = JsonApi.filter(eventFilter);
    List<Webhook> hooks =
        store.webhooks().stream().filter(w -> event == null || w.event().equals(event)).toList();
    return pagination.list(number, size, hooks, this::view);
  }

  @POST
  @Path("webhooks")
  public Response create(InputStream body) {
    JsonObject in = JsonApi.attributes(body);
    String url = JsonApi.text(in, "url");
    String event = JsonApi.text(in, "event");
    if (url == null || event == null) {
      throw ApiError.badRequest("url and event are required");
    }
    if (!isHttpUrl(url)) {
      throw ApiError.unprocessable("url must be an absolute http or https URL");
    }
    if (!Webhook.EVENTS.contains(event)) {
      throw ApiError.unprocessable(
          "event must be one of " + String.join(", ", Webhook.EVENTS.stream().sorted().toList()));
    }
    return JsonApi.created(JsonApi.one(view(store.createWebhook(url, event))));
  }

  @DELETE
  @Path("webhooks/{id}")
  public Response delete(@PathParam("id") String id) {
    if (!store.deleteWebhook(id)) {
      throw ApiError.notFound("Webhook not found");
    }
    return Response.noContent().build();
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private Map<String, Object> view(Webhook w) {
    return JsonApi.resource(
        "webhooks",
        w.id(),
        attributes(
            "url",
            w.url(),
            "event",
            w.event(),
            "created_at",
            w.createdAt(),
            "updated_at",
            w.updatedAt()));
  }
}
