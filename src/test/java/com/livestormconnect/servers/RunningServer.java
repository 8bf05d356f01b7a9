package com.livestormconnect.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the other servers, started by {@code src/test/servers/server.sh} from the distribution the
 * build unpacked into {@code target/servers}, with the freshly built WAR deployed at {@code /} and
 * the app in sandbox mode on 127.0.0.1. The build passes the homes, the ports it reserved and the
 * WAR as system properties (pom.xml, failsafe execution {@code servers}).
 */
final class RunningServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  private final String name;
  private final Path work;
  private final URI base;

  private RunningServer(String name, Path work, URI base) {
    this.name = name;
    this.work = work;
    this.base = base;
  }

  /**
   * Starts {@code name} with these app settings (besides the sandbox ones) and waits for /health.
   */
  static RunningServer start(String name, String workName, Map<String, String> settings) {
    Path work = Path.of(property("it.servers.dir"), workName);
    String port = property("it.server.http.port");
    URI base = URI.create("http://127.0.0.1:" + port);
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                script(),
                "start",
                name,
                property("it.server." + name + ".home"),
                work.toString(),
                property("it.server.war"),
                property("it.server.library"),
                port,
                property("it.server.admin.port"),
                property("it.server.spare1.port"),
                property("it.server.spare2.port"),
                property("it.server.spare3.port")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("APP_BASE_URL", base.toString());
    env.put("LIVESTORM_MODE", "sandbox");
    env.put("DATA_DIR", work.resolve("data").toString());
    env.put("SANDBOX_CONTROL_KEY", property("SANDBOX_CONTROL_KEY"));
    // A server that needs a newer Java than the build's (Payara Micro 7: 21+) names its JDK.
    String javaHome = System.getProperty("it.server." + name + ".java.home", "");
    if (!javaHome.isBlank()) {
      env.put("JAVA_HOME", javaHome);
    }
    env.putAll(settings);
    RunningServer server = new RunningServer(name, work, base);
    try {
      run(builder, "start " + name);
      server.awaitHealthy();
    } catch (RuntimeException | AssertionError e) {
      // The next server uses the same ports: never leave a half-started one behind.
      server.stop();
      throw e;
    }
    return server;
  }

  URI base() {
    return base;
  }

  Path log() {
    try {
      return Path.of(Files.readString(work.resolve("log-file")).strip());
    } catch (IOException e) {
      return work.resolve("console.log");
    }
  }

  /**
   * WildFly only: deploys the WAR again through the deployment scanner, as an operator replacing it
   * would, and waits for the scanner's verdict and /health.
   */
  void redeploy() {
    Path deployments = work.resolve("standalone/deployments");
    run(
        new ProcessBuilder(
                "bash",
                script(),
                "redeploy",
                name,
                property("it.server." + name + ".home"),
                work.toString(),
                property("it.server.war"))
            .redirectErrorStream(true),
        "redeploy " + name);
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(deployments.resolve("ROOT.war.failed"))) {
        throw new AssertionError("redeployment failed; log " + log() + ":\n" + tail(log()));
      }
      if (Files.exists(deployments.resolve("ROOT.war.deployed"))
          && !Files.exists(deployments.resolve("ROOT.war.dodeploy"))) {
        awaitHealthy();
        return;
      }
      pause();
    }
    throw new AssertionError("redeployment did not finish; log " + log() + ":\n" + tail(log()));
  }

  void stop() {
    run(
        new ProcessBuilder(
                "bash",
                script(),
                "stop",
                name,
                property("it.server." + name + ".home"),
                work.toString())
            .redirectErrorStream(true),
        "stop " + name);
  }

  /** Polls /health until it answers 200; a deployment failure shows as the log's tail. */
  void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> health =
            client.send(
                HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
        last = "HTTP " + health.statusCode();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (Files.exists(work.resolve("standalone/deployments/ROOT.war.failed"))) {
        break;
      }
      pause();
    }
    throw new AssertionError(
        name + ": /health did not answer 200 (" + last + "); log " + log() + ":\n" + tail(log()));
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void run(ProcessBuilder builder, String what) {
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      System.out.println(output);
      if (process.waitFor() != 0) {
        throw new AssertionError("server.sh " + what + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("server.sh " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String script() {
    return Path.of(property("project.basedir"), "src", "test", "servers", "server.sh").toString();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set (pom.xml passes it)");
    }
    return value;
  }
}
