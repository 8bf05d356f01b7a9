package com.livestormconnect.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;

/**
 * Shuts the embedded Derby database down when the application stops, as late as CDI allows (after
 * every application-scoped bean is gone). Without it, redeploying on a server that keeps running
 * (WildFly, GlassFish, Liberty) fails with Derby's XSDB6: the old engine still holds the database.
 * Dependent, because the application context no longer exists when this event is delivered.
 */
@Dependent
public class EmbeddedDatabaseShutdown {
  void shutDown(@Observes @Destroyed(ApplicationScoped.class) Object event) {
    ConfiguredDataSource.shutDownEmbeddedDatabases();
  }
}
