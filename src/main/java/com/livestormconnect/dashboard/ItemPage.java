package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.LivestormException.Kind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * One request to a Livestorm item's pages, {@code /events/{id}[/{action}]} or {@code
 * /sessions/{id}[/{action}]}: its sub-path parsed (anything else is a 404), its dashboard page
 * opened with the item's id in the model, the connection's scope checked, the item Livestorm
 * answered put in the model (a 404 when Livestorm has none), and a POST answered with a redirect.
 * The servlets keep only what differs: which actions, which scope, which calls, which view.
 */
final class ItemPage {
  private final DashboardPages pages;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final SubPath path;
  private final DashboardPage page;

  private ItemPage(
      DashboardPages pages,
      HttpServletRequest request,
      HttpServletResponse response,
      SubPath path,
      DashboardPage page) {
    this.pages = pages;
    this.request = request;
    this.response = response;
    this.path = path;
    this.page = page;
  }

  /**
   * The page of the item named in the request's sub-path, its id in the model as {@code idName};
   * empty, answered with a 404, when the sub-path is no id followed by one of {@code actions}.
   */
  static Optional<ItemPage> open(
      DashboardPages pages,
      HttpServletRequest request,
      HttpServletResponse response,
      String idName,
      Set<String> actions)
      throws IOException {
    Optional<SubPath> path = SubPath.parse(request.getPathInfo()).filter(p -> p.isOneOf(actions));
    if (path.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return Optional.empty();
    }
    DashboardPage page = pages.open(request).put(idName, path.get().id());
    return Optional.of(new ItemPage(pages, request, response, path.get(), page));
  }

  String id() {
    return path.id();
  }

  /** What follows the id: {@code ""} for the item's own page, else e.g. {@code "edit"}. */
  String action() {
    return path.action();
  }

  DashboardPage page() {
    return page;
  }

  HttpServletRequest request() {
    return request;
  }

  HttpServletResponse response() {
    return response;
  }

  /**
   * For a page to show: whether the connection may read with {@code scope}; if not, {@code view} is
   * rendered without the item (it says which scope is missing) and the request is answered.
   */
  boolean readable(String scope, String view) throws IOException {
    if (page.allows(scope)) {
      return true;
    }
    render(view);
    return false;
  }

  /** For an action to do: whether the connection has {@code scope}; if not, a 403 answers. */
  boolean permits(String scope) throws IOException {
    if (page.allows(scope)) {
      return true;
    }
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
    return false;
  }

  /**
   * Puts the item Livestorm answered (or null after another failure, which the page shows) in the
   * model as {@code name}; when Livestorm said it has no such item, a 404 answers instead.
   */
  boolean found(String name, Optional<?> item) throws IOException {
    if (page.problems().has(Kind.NOT_FOUND)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return false;
    }
    page.put(name, item.orElse(null));
    return true;
  }

  void render(String view) throws IOException {
    render(HttpServletResponse.SC_OK, view);
  }

  void render(int status, String view) throws IOException {
    pages.render(request, response, status, view, page);
  }

  /**
   * POST-redirect-GET to one of the item's pages ({@code action} {@code ""}: its own), with a
   * message for it (or none: null).
   */
  void redirectToItem(String action, String flashKey) {
    redirect(new SubPath(path.id(), action).under(request.getServletPath()), flashKey);
  }

  /** POST-redirect-GET to {@code path} of this site, with a message for it (or none: null). */
  void redirect(String path, String flashKey) {
    pages.redirect(request, response, path, flashKey);
  }
}
