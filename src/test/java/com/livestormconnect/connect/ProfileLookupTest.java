package com.livestormconnect.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.token.LivestormIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileLookupTest {
  @Test
  void readsTheUserAndItsOrganizationFromTheJsonApiDocument() {
    String me = "{\"data\":{\"id\":\"u-1\",\"type\":\"users\",\"attributes\":{\"email\":\"a@b.c\"},"
        + "\"relationships\":{\"organization\":{\"data\":{\"type\":\"organizations\",\"id\":\"o-9\"}}}}}";
    assertEquals(Optional.of(new LivestormIdentity("u-1", "o-9")), ProfileLookup.identity(me));
  }

  @Test
  void aUserWithoutOrganizationKeepsTheUserId() {
    assertEquals(Optional.of(new LivestormIdentity("u-1", null)),
        ProfileLookup.identity("{\"data\":{\"id\":\"u-1\",\"type\":\"users\"}}"));
    assertEquals(Optional.of(new LivestormIdentity("u-1", null)), ProfileLookup.identity(
        "{\"data\":{\"id\":\"u-1\",\"relationships\":{\"organization\":{\"data\":null}}}}"));
  }

  @Test
  void anythingElseIsNoIdentity() {
    assertEquals(Optional.empty(), ProfileLookup.identity("<html>Maintenance</html>"));
    assertEquals(Optional.empty(), ProfileLookup.identity("{\"errors\":[{\"status\":\"401\"}]}"));
    assertEquals(Optional.empty(), ProfileLookup.identity("{\"data\":{\"id\":7}}"));
  }
}
