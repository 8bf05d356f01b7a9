package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.LivestormException.Kind;
import com.livestormconnect.token.ConnectionStatus;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.web.TimeFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The prologue of an item's page (sub-path, scope, 404) and its redirect after a POST. */
class ItemPageTest {
  private static final Set<String> ACTIONS = Set.of("", "edit", "delete");
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  /**
   * What a servlet's request and response were told: status, error, headers, session attributes.
   */
  static final class Exchange {
    final String pathInfo;
    Integer status;
    Integer error;
    final Map<String, String> headers = new HashMap<>();
    final Map<String, Object> session = new HashMap<>();
    boolean sessionOpened;

    Exchange(String pathInfo) {
      this.pathInfo = pathInfo;
    }

    HttpServletRequest request() {
      HttpSession httpSession =
          (HttpSession)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {HttpSession.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "setAttribute" -> session.put((String) args[0], args[1]);
                        default -> throw new UnsupportedOperationException(method.getName());
                      });
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getServletPath" -> "/events";
                    case "getContextPath" -> "/app";
                    case "getSession" -> {
                      sessionOpened = true;
                      yield httpSession;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }

    HttpServletResponse response() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "sendError" -> error = (Integer) args[0];
                  case "setStatus" -> status = (Integer) args[0];
                  case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                  default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
              });
    }
  }

  /** Pages opened without a database: a connection with {@code scopes}, or none (null). */
  static final class Pages extends DashboardPages {
    final String scopes;
    int opened;

    Pages(String scopes) {
      this.scopes = scopes;
    }

    @Override
    public DashboardPage open(HttpServletRequest request) {
      opened++;
      Optional<ConnectionSummary> connection =
          Optional.ofNullable(scopes)
              .map(
                  s ->
                      new ConnectionSummary(
                          "c-1",
                          1,
                          "u-1",
                          "o-1",
                          s,
                          s,
                          NOW,
                          NOW,
                          ConnectionStatus.CONNECTED,
                          NOW,
                          NOW,
                          1));
      return new DashboardPage(1, connection, new TimeFormat(TimeFormat.UTC, Locale.ENGLISH));
    }
  }

  private static Optional<ItemPage> open(Pages pages, Exchange exchange) throws IOException {
    return ItemPage.open(pages, exchange.request(), exchange.response(), "eventId", ACTIONS);
  }

  @Test
  void opensTheItemsPageWithItsIdInTheModel() throws IOException {
    Pages pages = new Pages("events:read");
    Exchange exchange = new Exchange("/abc-123/edit");
    ItemPage item = open(pages, exchange).orElseThrow();

    assertEquals("abc-123", item.id());
    assertEquals("edit", item.action());
    assertEquals("abc-123", item.page().model().get("eventId"));
    assertNull(exchange.error);
  }

  @Test
  void aHostileSubPathIsA404BeforeAnythingIsRead() throws IOException {
    Pages pages = new Pages("events:read events:write");
    for (String hostile :
        new String[] {
          null,
          "/",
          "/../x",
          "/..%2Fx",
          "/a%2Fb",
          "/a/b",
          "/abc/edit/",
          "/abc/edit/x",
          "/abc//edit",
          "/" + "a".repeat(65),
          "/" + "a".repeat(10_000) + "/edit",
          "//abc"
        }) {
      Exchange exchange = new Exchange(hostile);
      assertTrue(open(pages, exchange).isEmpty(), hostile);
      assertEquals(404, exchange.error, hostile);
    }
    assertEquals(0, pages.opened, "no page opened for a hostile path");
  }

  @Test
  void withoutTheScopeAnActionIsA403() throws IOException {
    Exchange exchange = new Exchange("/abc/delete");
    ItemPage item = open(new Pages("events:read"), exchange).orElseThrow();

    assertTrue(item.permits("events:read"));
    assertNull(exchange.error);
    assertFalse(item.permits("events:write"));
    assertEquals(403, exchange.error);
    assertFalse(
        open(new Pages(null), new Exchange("/abc")).orElseThrow().permits("events:read"),
        "no connection, no scope");
  }

  @Test
  void anItemLivestormDoesNotHaveIsA404AndAnyOtherFailureShowsThePage() throws IOException {
    Exchange missing = new Exchange("/abc");
    ItemPage gone = open(new Pages("events:read"), missing).orElseThrow();
    gone.page()
        .problems()
        .note(new LivestormException(Kind.NOT_FOUND, "events/abc", 404, "not found"));
    assertFalse(gone.found("event", Optional.empty()));
    assertEquals(404, missing.error);

    Exchange failing = new Exchange("/abc");
    ItemPage down = open(new Pages("events:read"), failing).orElseThrow();
    down.page()
        .problems()
        .note(new LivestormException(Kind.UNAVAILABLE, "events/abc", 503, "down"));
    assertTrue(down.found("event", Optional.empty()));
    assertNull(failing.error);
    assertTrue(down.page().model().containsKey("event"));

    Exchange found = new Exchange("/abc");
    ItemPage present = open(new Pages("events:read"), found).orElseThrow();
    assertTrue(present.found("event", Optional.of("the event")));
    assertEquals("the event", present.page().model().get("event"));
  }

  @Test
  void aPostIsAnsweredWithA303ToTheItemWithItsMessage() throws IOException {
    Exchange exchange = new Exchange("/abc/edit");
    open(new Pages("events:write"), exchange)
        .orElseThrow()
        .redirectToItem("", "flash.eventUpdated");

    assertEquals(303, exchange.status);
    assertEquals("/app/events/abc", exchange.headers.get("Location"));
    assertEquals(
        Map.of(DashboardPages.class.getName() + ".flash", "flash.eventUpdated"), exchange.session);
  }

  @Test
  void aRedirectToOneOfTheItemsPagesWithoutAMessageOpensNoSession() throws IOException {
    Exchange exchange = new Exchange("/abc/delete");
    ItemPage item = open(new Pages("events:write"), exchange).orElseThrow();
    item.redirectToItem("delete", null);

    assertEquals(303, exchange.status);
    assertEquals("/app/events/abc/delete", exchange.headers.get("Location"));
    assertFalse(exchange.sessionOpened);

    item.redirect("/events", "flash.eventDeleted");
    assertEquals("/app/events", exchange.headers.get("Location"));
  }
}
