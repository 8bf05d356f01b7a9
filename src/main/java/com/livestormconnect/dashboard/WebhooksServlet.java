package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Webhook;
import com.livestormconnect.webhook.Webhooks;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /webhooks}: the workspace's webhooks (webhooks scope), the create form ({@code POST
 * /webhooks}) and deletion ({@code POST /webhooks/{id}/delete}) with the write scope.
 */
@WebServlet({"/webhooks", "/webhooks/*"})
public class WebhooksServlet extends HttpServlet {
  /** What POST does to one webhook. */
  private static final Set<String> DONE = Set.of("delete");

  @Inject DashboardPages pages;

  @Inject LivestormClient client;

  @Inject Webhooks webhooks;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getPathInfo() != null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    list(request, response, pages.open(request), WebhookForm.BLANK, Map.of(), 200);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DashboardPage page = pages.open(request);
    if (!page.allows("webhooks:write")) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (request.getPathInfo() != null) {
      Optional<SubPath> path = SubPath.parse(request.getPathInfo()).filter(p -> p.isOneOf(DONE));
      if (path.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      page.problems().attempt(() -> client.deleteWebhook(page.access(), path.get().id()));
      pages.redirect(
          request,
          response,
          "/webhooks",
          page.problems().isEmpty() ? "flash.webhookDeleted" : "flash.webhookNotDeleted");
      return;
    }
    WebhookForm form = WebhookForm.from(request);
    Map<String, String> errors = form.errors();
    if (errors.isEmpty()
        && page.attempt(() -> client.createWebhook(page.access(), form.url(), form.event()))
            .isPresent()) {
      pages.redirect(request, response, "/webhooks", "flash.webhookCreated");
      return;
    }
    list(request, response, page, form, errors, errors.isEmpty() ? 502 : 400);
  }

  private void list(
      HttpServletRequest request,
      HttpServletResponse response,
      DashboardPage page,
      WebhookForm form,
      Map<String, String> errors,
      int status)
      throws IOException {
    if (page.allows("webhooks:read")) {
      int number = DashboardPages.pageNumber(request);
      Optional<Page<Webhook>> hooks =
          ListPages.fetch(
              request,
              page,
              "/webhooks",
              number,
              n -> client.webhooks(page.access(), n, LivestormClient.MAX_PAGE_SIZE));
      page.put("webhooks", hooks.map(Page::items).orElse(List.of()));
      // The app's own subscriptions (kept alive by the app) are marked, and their URL's token
      // hidden.
      page.put("own", webhooks.ownIds(page.accountId()));
      page.put("paging", hooks.map(h -> Paging.of(h.meta())).orElse(null));
    }
    page.put("form", form).put("errors", errors).put("events", Webhook.EVENTS);
    pages.render(request, response, status, "webhooks", page);
  }
}
