package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pages' benchmark, not a test: run with {@code ./mvnw -Pbenchmark verify}. With 150 ms of
 * sandbox latency (SANDBOX_LATENCY_MS, set inside the container for this run), it measures one
 * Livestorm call, a cold {@code /dashboard} (three calls), and a scripted browsing session
 * (dashboard, events, an event, one of its sessions, back to the event, back to the events): the
 * Livestorm calls it made (the sandbox's counter) and its total time. Figures go to
 * target/benchmarks/pages.txt and are printed.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageBenchmark {
  private static final long LATENCY_MS = 150;
  private static final int ROUNDS = 8;
  private static final Pattern EVENT_LINK = Pattern.compile("href=\"/events/([0-9a-f-]{36})\"");
  private static final Pattern SESSION_LINK = Pattern.compile("href=\"/sessions/([0-9a-f-]{36})\"");

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(PageBenchmark.class, ConnectFlow.class);
  }

  @Inject LivestormClient client;

  @Inject AccountStore accounts;

  private static URI base() {
    return URI.create(System.getProperty("APP_BASE_URL"));
  }

  private static Path report() {
    return Path.of(
        System.getProperty("project.build.directory", "target"), "benchmarks", "pages.txt");
  }

  private static ConnectFlow user() {
    ConnectFlow user = ConnectFlow.signedUp(base(), "bench");
    user.connect("events:read");
    return user;
  }

  private static long timed(Browser browser, String path) {
    long started = System.nanoTime();
    HttpResponse<String> page = browser.get(path);
    long took = System.nanoTime() - started;
    assertEquals(200, page.statusCode(), path);
    return took;
  }

  private static double medianMillis(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }

  @Test
  @Order(1)
  void measure() throws Exception {
    System.setProperty("SANDBOX_LATENCY_MS", Long.toString(LATENCY_MS));
    try {
      SandboxControl control = new SandboxControl(base());
      List<String> lines = new ArrayList<>();

      ConnectFlow one = user();
      Access access = Access.of(accounts.find(one.username).orElseThrow().getId());
      client.ping(access); // warm-up
      List<Long> calls = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        long started = System.nanoTime();
        client.ping(access);
        calls.add(System.nanoTime() - started);
        Thread.sleep(250); // never wait for a permit
      }
      double call = medianMillis(calls);

      // refresh=1: every load is cold (earlier versions ignore the parameter and are always cold).
      ConnectFlow dashboards = user();
      timed(dashboards.browser, "/dashboard?refresh=1"); // warm-up
      List<Long> loads = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        Thread.sleep(1_100); // the previous load's permits are back: only the page is measured
        loads.add(timed(dashboards.browser, "/dashboard?refresh=1"));
      }
      double dashboard = medianMillis(loads);

      // An event with sessions, found by another user so that nothing is cached for the next one.
      ConnectFlow scout = user();
      String event = null;
      String session = null;
      Matcher events = EVENT_LINK.matcher(scout.browser.get("/events").body());
      while (session == null && events.find()) {
        Matcher sessions =
            SESSION_LINK.matcher(scout.browser.get("/events/" + events.group(1)).body());
        if (sessions.find()) {
          event = events.group(1);
          session = sessions.group(1);
        }
      }
      assertTrue(session != null, "no event with sessions");
      Thread.sleep(1_100);

      List<String> script =
          List.of(
              "/dashboard",
              "/events",
              "/events/" + event,
              "/sessions/" + session,
              "/events/" + event,
              "/events");
      List<Long> sessionTimes = new ArrayList<>();
      List<Long> sessionCalls = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        ConnectFlow browsing = user();
        Thread.sleep(1_100);
        long before = control.counter("api_requests");
        long total = 0;
        for (String path : script) {
          total += timed(browsing.browser, path);
        }
        sessionTimes.add(total);
        sessionCalls.add(control.counter("api_requests") - before);
      }

      lines.add(
          String.format(
              Locale.ROOT,
              "Sandbox latency: %d ms per request (half before arrival, half after)",
              LATENCY_MS));
      lines.add(
          String.format(
              Locale.ROOT, "One Livestorm call (client, median of %d): %.0f ms", ROUNDS, call));
      lines.add(
          String.format(
              Locale.ROOT,
              "Cold /dashboard, 3 calls (median of %d): %.0f ms = %.2f x one call",
              ROUNDS,
              dashboard,
              dashboard / call));
      lines.add(
          String.format(
              Locale.ROOT,
              "Browsing session %s: %s Livestorm calls, %.0f ms in all (median of 3)",
              "dashboard > events > event > session > event > events",
              sessionCalls,
              medianMillis(sessionTimes)));
      Files.createDirectories(report().getParent());
      Files.write(report(), lines);
    } finally {
      System.clearProperty("SANDBOX_LATENCY_MS");
    }
  }

  @Test
  @Order(2)
  @RunAsClient
  void print() throws Exception {
    System.out.println();
    System.out.println("==== " + report() + " ====");
    Files.readAllLines(report()).forEach(System.out::println);
  }
}
