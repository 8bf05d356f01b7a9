package com.livestormconnect.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.Browser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** WildFly 39 (Hibernate, RESTEasy, Elytron with integrated-jaspi=false) on embedded Derby. */
class WildFlyIT extends ServerSmokeTests {
  @Override
  String serverName() {
    return "wildfly";
  }

  @Test
  @Order(10)
  void aRedeploymentReopensTheEmbeddedDatabase() {
    String username = "smoke-redeploy-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(303, new Browser(base()).signUp(username, "correct horse battery").statusCode());

    // Without a Derby shutdown when the app stops, the new deployment fails with XSDB6.
    server.redeploy();

    Browser again = new Browser(base());
    again.get("/login");
    assertEquals(
        303,
        again
            .post("/login", Map.of("username", username, "password", "correct horse battery"))
            .statusCode(),
        "the account survived the redeployment");
  }
}
