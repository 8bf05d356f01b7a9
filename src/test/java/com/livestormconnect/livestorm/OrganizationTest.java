package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** GET /organization?include=organization in both shapes the real Livestorm may answer. */
class OrganizationTest {

  @Test
  void aUserDocumentGivesTheIncludedOrganizationNeverTheUsersAttributes() {
    Organization o =
        Organization.read(
            """
        {"data":{"id":"u1","type":"users","attributes":{"first_name":"Ada","website_link":"https://ada.example"},
          "relationships":{"organization":{"data":{"type":"organizations","id":"org1"}}}},
         "included":[{"id":"other","type":"organizations","attributes":{"name":"Not this one"}},
                     {"id":"org1","type":"organizations","attributes":{"name":"Acme Webinars","slug":"acme","created_at":1700000000}}]}""",
            "/organization");
    assertEquals("org1", o.id());
    assertEquals("Acme Webinars", o.name());
    assertEquals("acme", o.slug());
    assertNull(o.website());
  }

  @Test
  void aUserDocumentWithoutIncludedGivesOnlyTheOrganizationsId() {
    Organization o =
        Organization.read(
            """
        {"data":{"id":"u1","type":"users","attributes":{"first_name":"Ada","website_link":"https://ada.example"},
          "relationships":{"organization":{"data":{"type":"organizations","id":"org1"}}}}}""",
            "/organization");
    assertEquals("org1", o.id());
    assertNull(o.name());
    assertNull(o.website());
  }

  @Test
  void aDirectOrganizationDocumentIsStillRead() {
    Organization o =
        Organization.read(
            "{\"data\":{\"id\":\"org1\",\"type\":\"organizations\",\"attributes\":{\"name\":\"Acme\"}}}",
            "/organization");
    assertEquals("org1", o.id());
    assertEquals("Acme", o.name());
  }
}
