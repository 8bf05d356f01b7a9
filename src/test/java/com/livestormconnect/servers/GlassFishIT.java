package com.livestormconnect.servers;

/** GlassFish 7 (EclipseLink, Jersey, Exousia) on embedded Derby. */
class GlassFishIT extends ServerSmokeTests {
  @Override
  String serverName() {
    return "glassfish";
  }
}
