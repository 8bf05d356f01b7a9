package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.SandboxSettings;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.Webhook;
import com.livestormconnect.sandbox.webhook.DeliveryUrl;
import com.livestormconnect.sandbox.webhook.SubscriptionStates;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /webhooks: list (filter[event]), create, delete. Deliveries are the {@code sandbox.webhook}
 * package's; here a URL the sandbox would not post to (not loopback, not the app's origin over
 * https) is refused with a 422, and a subscription disabled by failed deliveries is listed or not,
 * by variant.
 */
@Path("/")
@RequiredScope("webhooks")
@ApplicationScoped
public class WebhooksApi {
  @Inject SandboxStore store;

  @Inject Pagination pagination;

  @Inject SubscriptionStates states;

  @Inject SandboxVariants variants;

  @GET
  @Path("webhooks")
  public Response list(
      @QueryParam("filter[event]") String eventFilter,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size) {
    String event = JsonApi.filter(eventFilter);
    boolean hideDisabled = variants.is(SandboxVariants.Variant.DISABLED_WEBHOOKS, "hidden");
    List<Webhook> hooks =
        store.webhooks().stream()
            .filter(w -> event == null || w.event().equals(event))
            .filter(w -> !hideDisabled || !states.disabled(w.id()))
            .toList();
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
    Optional<String> refusal = DeliveryUrl.refusal(url, SandboxSettings.current().appBaseUrl());
    if (refusal.isPresent()) {
      throw ApiError.unprocessable(refusal.get());
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
    states.forget(id);
    return Response.noContent().build();
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
