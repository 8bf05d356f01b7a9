package com.livestormconnect.sandbox.data;

import java.util.List;
import java.util.Random;

/** Value pools the demo data draws from; repeated entries make some values more frequent. */
final class Pools {
  private Pools() {}

  static final List<String> FIRST_NAMES =
      List.of(
          "Ada",
          "Grace",
          "Alan",
          "Linus",
          "Margaret",
          "Katherine",
          "Tim",
          "Barbara",
          "Dennis",
          "Frances",
          "Hedy",
          "John",
          "Radia",
          "Ken",
          "Shafi",
          "Yuki",
          "Priya",
          "Mateo",
          "Chloé",
          "Léa",
          "Hugo",
          "Noah",
          "Emma",
          "Olivia",
          "Liam",
          "Aisha",
          "Fatima",
          "Wei",
          "Mei",
          "Santiago",
          "Valentina",
          "Björn",
          "Ingrid",
          "Kwame",
          "Nia",
          "Ivan",
          "Olga",
          "Andrés",
          "Zoë",
          "François");
  static final List<String> LAST_NAMES =
      List.of(
          "Lovelace",
          "Hopper",
          "Turing",
          "Torvalds",
          "Hamilton",
          "Johnson",
          "Berners-Lee",
          "Liskov",
          "Ritchie",
          "Allen",
          "Lamarr",
          "McCarthy",
          "Perlman",
          "Thompson",
          "Goldwasser",
          "Tanaka",
          "Sharma",
          "García",
          "Dubois",
          "Moreau",
          "Lefèvre",
          "Smith",
          "Brown",
          "Wilson",
          "Okafor",
          "Haddad",
          "Nguyen",
          "Chen",
          "Wang",
          "Rodríguez",
          "Andersson",
          "Mensah",
          "Petrov",
          "Ivanova",
          "Kowalski",
          "Müller",
          "O'Brien",
          "da Silva",
          "Nakamura",
          "Schmidt");
  static final List<String> TOPICS =
      List.of(
          "Product demo",
          "Onboarding",
          "Customer success",
          "Security",
          "Analytics",
          "Integrations",
          "Roadmap",
          "Best practices",
          "Hiring",
          "Growth",
          "Marketing automation",
          "Sales enablement",
          "Community",
          "Partner programme");
  private static final List<String> FORMATS =
      List.of(
          "Webinar",
          "Live Q&A",
          "Workshop",
          "Masterclass",
          "Office hours",
          "Town hall",
          "Training");
  static final List<String> TIMEZONES =
      List.of(
          "Europe/Paris",
          "Europe/Paris",
          "Europe/London",
          "America/New_York",
          "America/Los_Angeles",
          "Asia/Tokyo",
          "Europe/Berlin",
          "UTC");
  static final List<Registration.Place> PLACES =
      List.of(
          new Registration.Place("Paris", "FR", "France"),
          new Registration.Place("Lyon", "FR", "France"),
          new Registration.Place("Paris", "FR", "France"),
          new Registration.Place("New York", "US", "United States"),
          new Registration.Place("San Francisco", "US", "United States"),
          new Registration.Place("Austin", "US", "United States"),
          new Registration.Place("London", "GB", "United Kingdom"),
          new Registration.Place("Berlin", "DE", "Germany"),
          new Registration.Place("Madrid", "ES", "Spain"),
          new Registration.Place("São Paulo", "BR", "Brazil"),
          new Registration.Place("Montréal", "CA", "Canada"),
          new Registration.Place("Tokyo", "JP", "Japan"),
          new Registration.Place("Bengaluru", "IN", "India"),
          new Registration.Place("Lagos", "NG", "Nigeria"),
          new Registration.Place("Cairo", "EG", "Egypt"),
          new Registration.Place("Tel Aviv", "IL", "Israel"),
          new Registration.Place(null, null, null));
  static final List<Registration.Source> SOURCES =
      List.of(
          Registration.Source.NONE,
          Registration.Source.NONE,
          new Registration.Source(
              "https://www.linkedin.com/", "linkedin", "social", "spring-launch", null, "post-1"),
          new Registration.Source(
              "https://www.google.com/",
              "google",
              "cpc",
              "webinar-series",
              "livestorm webinar",
              null),
          new Registration.Source(
              null, "newsletter", "email", "monthly-digest", null, "header-cta"),
          new Registration.Source(
              null, "newsletter", "email", "monthly-digest", null, "footer-link"),
          new Registration.Source(
              "https://twitter.com/", "twitter", "social", "launch-week", null, null),
          new Registration.Source(
              "https://partner.example.net/blog",
              "partner",
              "referral",
              "co-marketing",
              null,
              null));
  static final List<String> BROWSERS =
      List.of("Chrome", "Chrome", "Chrome", "Firefox", "Safari", "Safari", "Edge");
  static final List<String> SYSTEMS =
      List.of("Mac OS", "Windows", "Windows", "Linux", "iOS", "Android");

  static <T> T pick(Random random, List<T> pool) {
    return pool.get(random.nextInt(pool.size()));
  }

  static String eventTitle(Random random, int index) {
    if (index == 0) {
      return "All-hands: product launch 2025";
    }
    return pick(random, FORMATS) + ": " + pick(random, TOPICS) + " #" + index;
  }
}
