package com.livestormconnect.sandbox.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo workspace, generated from a fixed seed: the same ids, names and numbers on every start
 * (dates are relative to the start of the current UTC day). 40 events (one on demand, one whose
 * sessions never started), 300 sessions over the past year and the next month, 20,000 registrations
 * of which 5,200 in one session, and a handful of hostile values ({@link HostileValues}) so that
 * escaping is exercised on every page.
 */
public record DemoData(
    Organization organization,
    List<TeamMember> members,
    List<Event> events,
    List<EventSession> sessions,
    Map<String, List<Registration>> registrations,
    List<Webhook> webhooks) {

  public static final long SEED = 20_240_917L;
  public static final int EVENT_COUNT = 40;
  public static final int SESSION_COUNT = 300;
  public static final int REGISTRATION_COUNT = 20_000;
  public static final int LARGE_SESSION_REGISTRANTS = 5_200;
  private static final long DAY = 86_400;

  /** The on-demand event (its sessions are recordings watched on demand). */
  static final int ON_DEMAND_EVENT = 36;

  /** The event whose sessions were all scheduled in the past and never started. */
  static final int NOT_STARTED_EVENT = 35;

  /** The data for a workspace whose "today" starts at {@code dayStart} (unix seconds). */
  public static DemoData generate(long dayStart) {
    return new Generator(new Random(SEED), dayStart).run();
  }

  private static final class Generator {
    private final Random random;
    private final long today;
    private final List<TeamMember> members = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<EventSession> sessions = new ArrayList<>();
    private final Map<String, List<Registration>> registrations = new LinkedHashMap<>();
    private int personNumber;

    Generator(Random random, long today) {
      this.random = random;
      this.today = today;
    }

    DemoData run() {
      Organization organization =
          new Organization(
              uuid(),
              "Acme Webinars (sandbox)",
              "acme-webinars",
              today - 900 * DAY,
              today - 30 * DAY);
      members();
      events();
      sessions();
      registrations();
      List<Webhook> webhooks =
          List.of(
              webhook("https://hooks.example.com/livestorm/registered", "people.registered"),
              webhook("https://hooks.example.com/livestorm/attended", "people.attended"),
              webhook("https://crm.example.org/inbound/livestorm?src=<sandbox>", "session.ended"));
      return new DemoData(
          organization,
          List.copyOf(members),
          List.copyOf(events),
          List.copyOf(sessions),
          registrations,
          webhooks);
    }

    private void members() {
      String[][] people = {
        {"Camille", "Martin", "host", "fr"},
        {"Jordan", "Lee", "host", "en"},
        {"Amara", "Okafor", "moderator", "en"},
        {"Lukas", "Schmidt", "moderator", "de"},
        {HostileValues.MEMBER_FIRST_NAME, "Intern", "moderator", "en"},
        {"Sofia", "García", "moderator", "es"}
      };
      for (int i = 0; i < people.length; i++) {
        String email = i == 4 ? "intern@example.com" : emailFor(people[i][0], people[i][1], 0);
        long created = today - (800 - i * 90L) * DAY;
        members.add(
            new TeamMember(
                uuid(),
                people[i][0],
                people[i][1],
                email,
                people[i][2],
                people[i][3],
                i == 5,
                i == 5 ? 0 : today - i * DAY,
                created,
                created));
      }
    }

    private void events() {
      for (int i = 0; i < EVENT_COUNT; i++) {
        String title = HostileValues.eventTitle(i).orElse(Pools.eventTitle(random, i));
        boolean draft = i == 37 || i == 38;
        long created = today - (380 - i * 4L) * DAY;
        String description =
            i % 9 == 4
                ? HostileValues.EVENT_DESCRIPTION
                : "A "
                    + Pools.pick(random, Pools.TOPICS).toLowerCase(Locale.ROOT)
                    + " session for our customers.";
        events.add(
            new Event(
                uuid(),
                members.get(i % 4).id(),
                title,
                "event-" + (i + 1),
                description,
                i % 5 == 3 ? "fr" : "en",
                30 + 15 * random.nextInt(5),
                i % 3 == 0,
                i % 4 != 1,
                true,
                draft ? 0 : created + DAY,
                created,
                created + DAY,
                i == ON_DEMAND_EVENT));
      }
    }

    private void sessions() {
      for (int i = 0; i < SESSION_COUNT; i++) {
        Event event = events.get(i % EVENT_COUNT);
        boolean future = !event.published() || random.nextInt(100) < 12;
        int eventIndex = i % EVENT_COUNT;
        future &=
            eventIndex != NOT_STARTED_EVENT
                && eventIndex != ON_DEMAND_EVENT; // same draws either way
        long start =
            future
                ? today + (1 + random.nextInt(30)) * DAY + 3600L * (8 + random.nextInt(9))
                : today - (1 + random.nextInt(364)) * DAY + 3600L * (8 + random.nextInt(9));
        if (i == 0) {
          start = today - 20 * DAY + 16 * 3600; // the large all-hands: 5,200 registrants
        }
        boolean canceled = i != 0 && random.nextInt(100) < 3;
        boolean notStarted =
            !future && !canceled && i != 0 && random.nextInt(100) < 3
                || !future && !canceled && eventIndex == NOT_STARTED_EVENT;
        boolean ran = !future && !canceled && !notStarted;
        int duration = 60 * event.estimatedDuration() + 60 * (random.nextInt(21) - 10);
        long startedAt = ran ? start + random.nextInt(300) : 0;
        long created = Math.min(start - 14 * DAY, today - DAY);
        sessions.add(
            new EventSession(
                uuid(),
                event.id(),
                i % 7 == 0 ? "Session " + (i / 40 + 1) : null,
                Pools.pick(random, Pools.TIMEZONES),
                start,
                startedAt,
                ran ? startedAt + duration : 0,
                canceled ? start - 2 * DAY : 0,
                ran ? duration : null,
                created,
                ran ? startedAt + duration : created));
      }
    }

    private void registrations() {
      Map<String, Event> byId = new LinkedHashMap<>();
      events.forEach(e -> byId.put(e.id(), e));
      List<EventSession> open =
          sessions.stream().filter(s -> byId.get(s.eventId()).published()).toList();
      double[] cumulative = new double[open.size()];
      double total = 0;
      for (int i = 0; i < open.size(); i++) {
        total += i == 0 ? 0 : 0.2 + 3 * Math.pow(random.nextDouble(), 2);
        cumulative[i] = total;
      }
      sessions.forEach(s -> registrations.put(s.id(), new ArrayList<>()));
      for (int i = 0; i < LARGE_SESSION_REGISTRANTS; i++) {
        add(open.get(0));
      }
      for (int i = LARGE_SESSION_REGISTRANTS; i < REGISTRATION_COUNT; i++) {
        double point = random.nextDouble() * total;
        int index = java.util.Arrays.binarySearch(cumulative, point);
        add(open.get(Math.max(1, index < 0 ? -index - 1 : index)));
      }
      registrations
          .values()
          .forEach(list -> list.sort(Comparator.comparingLong(Registration::createdAt)));
    }

    private void add(EventSession session) {
      int n = ++personNumber;
      String[] hostile = HostileValues.person(n);
      String first = hostile != null ? hostile[0] : Pools.pick(random, Pools.FIRST_NAMES);
      String last = hostile != null ? hostile[1] : Pools.pick(random, Pools.LAST_NAMES);
      long drawn =
          Math.max(
              session.createdAt(),
              session.estimatedStartedAt() - random.nextInt(21 * 86_400) - 3600);
      // No one registered in the future: a registration drawn after today falls within the last
      // day instead (still after the session's creation, a day or more ago), so that every
      // updated_at is in the past and a time filter up to now reads every registration.
      long created = drawn <= today ? drawn : today - Math.floorMod(drawn, DAY);
      Registration.Place place = Pools.pick(random, Pools.PLACES);
      Registration.Source source =
          n % 97 == 0 ? HostileValues.SOURCE : Pools.pick(random, Pools.SOURCES);
      boolean ran = session.endedAt() > 0;
      boolean attended = ran && random.nextInt(100) < 58;
      Integer rate = !ran ? null : attended ? 5 + random.nextInt(96) : 0;
      int duration = attended && session.duration() != null ? session.duration() * rate / 100 : 0;
      int messages = attended ? (int) Math.floor(Math.pow(random.nextDouble(), 3) * 25) : 0;
      int questions = attended && random.nextInt(100) < 18 ? 1 + random.nextInt(3) : 0;
      int votes = attended && random.nextInt(100) < 40 ? 1 + random.nextInt(4) : 0;
      boolean replay = ran && !attended && random.nextInt(100) < 27;
      long updated = ran ? Math.max(created, session.endedAt()) : created;
      registrations
          .get(session.id())
          .add(
              new Registration(
                  uuid(),
                  session.id(),
                  session.eventId(),
                  first,
                  last,
                  emailFor(first, last, n),
                  session.timezone(),
                  created,
                  updated,
                  attended,
                  rate,
                  duration,
                  messages,
                  questions,
                  votes,
                  attended ? random.nextInt(3) : 0,
                  replay,
                  place,
                  source,
                  Pools.pick(random, Pools.BROWSERS),
                  Pools.pick(random, Pools.SYSTEMS),
                  n % 11 == 0 ? "API" : "registration_page",
                  null));
    }

    private Webhook webhook(String url, String event) {
      long created = today - 60 * DAY;
      return new Webhook(uuid(), url, event, created, created);
    }

    /** A version 4 UUID drawn from the seeded generator, so ids are the same on every start. */
    private String uuid() {
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low).toString();
    }
  }

  static String emailFor(String first, String last, int n) {
    String local = (ascii(first) + "." + ascii(last)).replaceAll("^\\.|\\.$", "");
    if (local.length() < 3) {
      local = "guest";
    }
    return local + (n > 0 ? "." + n : "") + "@example.com";
  }

  private static String ascii(String name) {
    String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
