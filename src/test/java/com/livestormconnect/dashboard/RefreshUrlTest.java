package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The "refresh from Livestorm" link: the same page, live, and never a link to another site. */
class RefreshUrlTest {
  private static HttpServletRequest request(String uri, String query) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RefreshUrlTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequestURI" -> uri;
                  case "getQueryString" -> query;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void keepsThePagesQueryAndAddsRefreshOnce() {
    assertEquals("/events?refresh=1", DashboardPages.refreshUrl(request("/events", null)));
    assertEquals(
        "/events?q=quarterly&page=1&refresh=1",
        DashboardPages.refreshUrl(request("/events", "q=quarterly&refresh=1&page=1")));
  }

  @Test
  void aPathWithSeveralLeadingSlashesStaysOnThisSite() {
    assertEquals(
        "/evil.example/dashboard?refresh=1",
        DashboardPages.refreshUrl(request("//evil.example/dashboard", null)));
  }
}
