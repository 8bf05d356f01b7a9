package com.livestormconnect.servers;

/** GlassFish 7 (EclipseLink, Jersey, Exousia) on embedded Derby. */
class GlassFishIT extends ServerSmokeTests {
  @Override
  String serverName() {
    return "glassfish";
  }

  /** GlassFish 7.0.21 leaves SessionCookieConfig's attributes out of the session cookie. */
  @Override
  boolean honoursSameSiteAttribute() {
    return false;
  }
}
