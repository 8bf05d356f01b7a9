package com.livestormconnect.servers;

/**
 * Open Liberty 26 with webProfile-10.0 (EclipseLink, RESTEasy-based REST client) on embedded Derby;
 * the data-source class comes from the server library the build assembles
 * (target/datasource-library).
 */
class LibertyIT extends ServerSmokeTests {
  @Override
  String serverName() {
    return "liberty";
  }
}
