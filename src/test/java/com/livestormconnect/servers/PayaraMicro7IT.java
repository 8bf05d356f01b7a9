package com.livestormconnect.servers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * Payara Micro 7 (Jakarta EE 11: EclipseLink, Jersey, Soteria) on embedded Derby: the Jakarta EE 10
 * WAR, built for Java 17, unchanged on the next Payara line, which runs on Java 21 or newer. The
 * build looks for such a JDK (pom.xml, execution {@code other-servers}) and passes it as {@code
 * it.server.payara7.java.home}; without one this class is skipped, and the build says so loudly.
 */
class PayaraMicro7IT extends ServerSmokeTests {
  @Override
  String serverName() {
    return "payara7";
  }

  @Override
  @BeforeAll
  void startServer() {
    assumeTrue(
        System.getProperty("it.servers.dir") != null, "runs in the failsafe execution 'servers'");
    assumeTrue(
        !System.getProperty("it.server.payara7.java.home", "").isBlank(),
        "NO JDK 21+ FOUND: Payara Micro 7 is NOT smoke-tested (pass -Dit.jdk21.home=<dir>)");
    super.startServer();
  }
}
