package com.livestormconnect.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load balancer of a two-node test, on 127.0.0.1: webhook deliveries ({@code /webhooks/}) go to
 * the nodes in turn, everything else to the first node (sticky, since browser sessions are per
 * node). Deliveries to a path in {@link #failing} get a 500 without reaching a node, as a receiver
 * that is down for one subscription would answer.
 */
final class RoundRobin implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "date");

  final Set<String> failing = ConcurrentHashMap.newKeySet();
  final AtomicLong deliveries = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  private final List<URI> nodes;
  private final AtomicInteger next = new AtomicInteger();
  private final HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  RoundRobin(int port, List<URI> nodes) throws IOException {
    this.nodes = List.copyOf(nodes);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::forward);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI node = nodes.get(0);
      if (path.startsWith("/webhooks/")) {
        deliveries.incrementAndGet();
        if (failing.contains(path)) {
          failed.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          return;
        }
        node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
      }
      String query = exchange.getRequestURI().getRawQuery();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(node.resolve(path + (query == null ? "" : "?" + query)))
              .timeout(Duration.ofSeconds(60))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
          header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
      }
      HttpResponse<byte[]> answer;
      try {
        answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))
                    && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] out = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream stream = exchange.getResponseBody()) {
          stream.write(out);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
