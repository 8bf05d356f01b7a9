package com.livestormconnect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One real Payara Micro JVM serving the freshly built WAR at the root, on a free loopback port, the
 * way production runs it (one process per node), for tests that need settings of their own or more
 * than one server. Its console goes to {@code <dir>/micro.log}.
 */
public final class MicroNode implements AutoCloseable {
  private static final Path TARGET =
      Path.of(System.getProperty("project.build.directory", "target"));
  private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));

  public final String name;
  public final int port;
  private final Path dir;
  private final Process process;

  private MicroNode(String name, int port, Path dir, Process process) {
    this.name = name;
    this.port = port;
    this.dir = dir;
    this.process = process;
  }

  /** A free loopback port to give a node before starting it (so that others can point at it). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the JVM and returns at once; {@link #awaitUp} waits until the app answers. */
  public static MicroNode start(String name, int port, Map<String, String> settings)
      throws IOException {
    Path dir = TARGET.resolve("micro-nodes").resolve(name);
    Files.createDirectories(dir.resolve("tmp"));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-Xss1m",
                "-Dhazelcast.socket.bind.any=false",
                // Micro unpacks its runtime here; a killed node leaves it for ./mvnw clean, not in
                // /tmp.
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-DDATA_DIR=" + dir.resolve("data")));
    String controlKey = System.getProperty("SANDBOX_CONTROL_KEY");
    if (controlKey != null) {
      // The key the build gives the tests, so that SandboxControl opens this node's controls too.
      command.add("-DSANDBOX_CONTROL_KEY=" + controlKey);
    }
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            TARGET.resolve("payara-micro.jar").toString(),
            "--deploy",
            TARGET.resolve("livestorm-connect.war").toString(),
            "--contextroot",
            "/",
            "--nocluster",
            "--port",
            String.valueOf(port),
            "--prebootcommandfile",
            BASEDIR.resolve("docker/preboot-local.asadmin").toString()));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("micro.log").toFile())
            .start();
    return new MicroNode(name, port, dir, process);
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The node's DATA_DIR. */
  public Path dataDir() {
    return dir.resolve("data");
  }

  /**
   * Waits for {@code /health} to say UP. Not the "ready" log line: Micro prints it even when the
   * deployment failed, and then answers 404 to everything.
   */
  public void awaitUp(Duration timeout) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest health =
        HttpRequest.newBuilder(base().resolve("/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + logTail());
      }
      try {
        HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return;
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        name + " not UP within " + timeout + " (last: " + last + ")\n" + logTail());
  }

  /**
   * Kills the JVM as a crash or an OOM killer would: no shutdown hooks, no goodbye to the database.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("micro.log"));
      return "--- last lines of "
          + dir.resolve("micro.log")
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
