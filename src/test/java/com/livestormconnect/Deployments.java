package com.livestormconnect;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * In-container tests deploy the WAR that the build just packaged (what we ship), plus the test
 * classes they need.
 */
public final class Deployments {
  private Deployments() {}

  public static WebArchive app(Class<?>... testClasses) {
    File war =
        new File(System.getProperty("project.build.directory", "target"), "livestorm-connect.war");
    if (!war.isFile()) {
      throw new IllegalStateException(
          "Run the in-container tests through Maven (./mvnw verify): " + war + " is missing");
    }
    // ROOT.war deploys at the context root, where the app runs in production.
    WebArchive archive =
        ShrinkWrap.create(WebArchive.class, "ROOT.war")
            .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    archive.addClasses(
        Deployments.class, Browser.class, SandboxControl.class, SandboxConsent.class);
    archive.addClasses(testClasses);
    return archive;
  }
}
