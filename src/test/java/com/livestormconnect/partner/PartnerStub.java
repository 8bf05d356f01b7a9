package com.livestormconnect.partner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The partner's own service in PartnerForwardingIT: a JDK HTTP server on 127.0.0.1 (started once,
 * in the test's JVM, on a free port) that records every request and answers with the statuses a
 * test scripts for the requests whose body contains a marker, 200 once the script is used up.
 */
final class PartnerStub {
  /** One request as the partner received it. */
  record Received(Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
  private static final Map<String, Deque<Integer>> SCRIPTS = new ConcurrentHashMap<>();
  private static HttpServer server;

  private PartnerStub() {}

  static synchronized int port() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/hooks",
          exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
              body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            RECEIVED.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            int status = 200;
            for (Map.Entry<String, Deque<Integer>> script : SCRIPTS.entrySet()) {
              if (body.contains(script.getKey())) {
                Integer next = script.getValue().pollFirst();
                status = next == null ? 200 : next;
              }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
    }
    return server.getAddress().getPort();
  }

  /** The partner answers requests whose body contains {@code marker} with these statuses first. */
  static void answer(String marker, Integer... statuses) {
    SCRIPTS.put(marker, new ArrayDeque<>(List.of(statuses)));
  }

  static List<Received> received(String marker) {
    return RECEIVED.stream().filter(r -> r.body().contains(marker)).toList();
  }

  /** Waits until {@code condition} holds on the requests received for {@code marker}. */
  static List<Received> await(String marker, Predicate<List<Received>> condition, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      List<Received> now = received(marker);
      if (condition.test(now)) {
        return now;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the partner did not receive what was expected for " + marker + ": " + received(marker));
  }
}
