package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.dashboard.export.PeopleCsv;
import com.livestormconnect.livestorm.AllPages;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.PageMeta;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Registrant;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.token.ConnectionStatus;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.web.Messages;
import com.livestormconnect.web.TimeFormat;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The dashboard's benchmark, not a test: run with {@code ./mvnw -Pbenchmark verify}. It measures
 * the server-side render time of the real {@code /events} and {@code /sessions/{id}} templates with
 * 100 and 1,000 rows (the pages show at most 50, Livestorm's largest page, so the larger sizes show
 * how rendering scales), and the heap a 20,000-row CSV export holds while it streams, page by page,
 * through the same {@link AllPages} and {@link PeopleCsv} as the export jobs. Figures go to
 * target/benchmarks/dashboard.txt and are printed.
 */
class DashboardBenchmark {
  private static final Locale LOCALE = Locale.ENGLISH;
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  /** Counts what a page would send, and drops it. */
  static final class Sink extends Writer {
    long chars;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static TemplateEngine engine() {
    FileTemplateResolver resolver = new FileTemplateResolver();
    resolver.setPrefix(
        Path.of(System.getProperty("project.basedir", "."), "webapp/WEB-INF/templates") + "/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new Messages());
    // Outside a servlet container, context-relative links (@{/...}) get the root context.
    engine.setLinkBuilder(
        new StandardLinkBuilder() {
          @Override
          protected String computeContextPath(
              IExpressionContext context, String base, Map<String, Object> parameters) {
            return "";
          }
        });
    return engine;
  }

  /** What every dashboard page's model holds, as Templates and DashboardPages put it there. */
  private static Map<String, Object> pageModel(String path) {
    ConnectionSummary connection =
        new ConnectionSummary(
            "c-1",
            1,
            "u-1",
            "o-1",
            "identity:read events:write",
            "identity:read events:write",
            NOW.plusSeconds(3600),
            NOW,
            ConnectionStatus.CONNECTED,
            NOW,
            NOW,
            1);
    DashboardPage page =
        new DashboardPage(
            1, Optional.of(connection), new TimeFormat(ZoneId.of("Europe/Paris"), LOCALE));
    Map<String, Object> model = new HashMap<>();
    model.put("currentUser", "bench");
    model.put("isAdmin", false);
    model.put("sandbox", true);
    model.put("csrfToken", "token");
    model.put("path", path);
    model.put("connected", true);
    model.put("connection", connection);
    model.put("grants", page.grants());
    model.put("time", page.time());
    model.put("problems", page.problems().messages());
    model.put("reconnectNeeded", false);
    return model;
  }

  private static Person person(int i) {
    Registrant registrant =
        new Registrant(
            "e-1",
            "s-1",
            NOW.minusSeconds(i),
            i % 3 != 0,
            (double) (i % 101),
            i * 7L,
            i % 5 == 0,
            "API",
            null,
            i % 2 == 0 ? "newsletter" : "=HYPERLINK(\"x\")",
            null,
            null,
            "FR",
            "France",
            "Paris",
            "Chrome",
            "Mac OS",
            null,
            java.util.Map.of());
    return new Person(
        "p-" + i,
        "participant",
        "<b>Ada</b> " + i,
        "Lovelace\u202E" + i,
        "ada" + i + "@example.com",
        "Europe/Paris",
        i % 7,
        i % 3,
        i % 4,
        i % 2,
        registrant,
        NOW,
        NOW,
        null);
  }

  private static Event event(int i) {
    return new Event(
        "e-" + i,
        "<script>alert(" + i + ")</script> Webinar " + i,
        "webinar-" + i,
        "A description",
        "published",
        i % 2 == 0 ? "upcoming" : "ended",
        "https://app.livestorm.co/p/e-" + i,
        "en",
        45,
        3,
        false,
        true,
        true,
        true,
        true,
        "Grace Hopper",
        NOW,
        NOW,
        NOW);
  }

  private static Session session() {
    return new Session(
        "s-1",
        "e-1",
        "Session 1",
        "past",
        "Europe/Paris",
        "https://app.livestorm.co/p/e-1/live?s=s-1",
        1000,
        640,
        3600,
        NOW,
        NOW,
        NOW.plusSeconds(3600),
        null,
        NOW,
        NOW,
        null);
  }

  private static Map<String, Object> sessionModel(int rows) {
    Map<String, Object> model = pageModel("/sessions/s-1");
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      people.add(person(i));
    }
    double[] counts = new double[10];
    people.forEach(p -> counts[Math.min(9, (int) (p.registrant().attendanceRate() / 10))]++);
    List<BarChart.Group> groups = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      groups.add(new BarChart.Group(i * 10 + " %", List.of(counts[i])));
    }
    model.put("sessionId", "s-1");
    model.put("currentSession", session());
    model.put("event", event(1));
    model.put("people", people);
    model.put("paging", Paging.of(new PageMeta(0, null, 1, rows * 5L, 5, rows)));
    model.put("sort", "");
    model.put("dir", "asc");
    model.put("attended", "");
    model.put(
        "chart",
        new BarChart(
            "rate-chart",
            "Attendance rate",
            "How long people stayed",
            List.of("People"),
            groups,
            LOCALE));
    return model;
  }

  private static Map<String, Object> eventsModel(int rows) {
    Map<String, Object> model = pageModel("/events");
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      events.add(event(i));
    }
    model.put("status", "");
    model.put("q", "");
    model.put("statuses", EventsServlet.STATUSES);
    model.put("events", events);
    model.put("paging", Paging.of(new PageMeta(0, null, 1, rows * 5L, 5, rows)));
    return model;
  }

  /** Mean milliseconds per render after warming up, and the page size. */
  private static String render(
      TemplateEngine engine, String view, Map<String, Object> model, int times) {
    Context context = new Context(LOCALE, model);
    Sink warm = new Sink();
    for (int i = 0; i < Math.max(100, times); i++) {
      engine.process(view, context, warm);
    }
    long started = System.nanoTime();
    Sink sink = new Sink();
    for (int i = 0; i < times; i++) {
      sink.chars = 0;
      engine.process(view, context, sink);
    }
    double ms = (System.nanoTime() - started) / 1e6 / times;
    return String.format("%.2f ms per render, %,d characters", ms, sink.chars);
  }

  @Test
  void measure() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("Livestorm Connect dashboard benchmark, " + Instant.now());
    lines.add(
        "JVM: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs, max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB");
    TemplateEngine engine = engine();
    for (int rows : new int[] {100, 1_000}) {
      int times = rows == 100 ? 300 : 40;
      lines.add(
          String.format(
              "/events, %,d rows: %s", rows, render(engine, "events", eventsModel(rows), times)));
      lines.add(
          String.format(
              "/sessions/{id}, %,d rows: %s",
              rows, render(engine, "sessions/session", sessionModel(rows), times)));
    }
    lines.add(export(2_000));
    lines.add(export(20_000));
    Path report =
        Path.of(
            System.getProperty("project.build.directory", "target"), "benchmarks", "dashboard.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
    System.out.println();
    System.out.println("==== " + report + " ====");
    lines.forEach(System.out::println);
  }

  /**
   * A CSV export of {@code rows} people in pages of 50 (what Livestorm sends), measuring the live
   * heap after a full collection every 40 pages: constant if only one page is ever held.
   */
  private static String export(int rows) throws IOException {
    int pages = rows / 50;
    List<Long> retained = new ArrayList<>();
    System.gc();
    long before = usedHeap();
    Sink sink = new Sink();
    PeopleCsv csv = new PeopleCsv(sink);
    csv.header();
    long written =
        AllPages.stream(
                number -> {
                  List<Person> page = new ArrayList<>(50);
                  for (int i = 0; i < 50; i++) {
                    page.add(person(number * 50 + i));
                  }
                  if (number % 40 == 39) {
                    System.gc();
                    retained.add(usedHeap() - before);
                  }
                  return new Page<>(
                      page,
                      new PageMeta(
                          number,
                          number == 0 ? null : number - 1,
                          number + 1 < pages ? number + 1 : null,
                          rows,
                          pages,
                          50));
                },
                (done, total, records) -> {})
            .peek(csv::row)
            .count();
    assertEquals(rows, written);
    assertTrue(sink.chars > 0);
    long max = retained.stream().mapToLong(Long::longValue).max().orElse(0);
    return String.format(
        "CSV export, %,d rows (%,d pages): %,d bytes of CSV; live heap above the start"
            + " at most %,d KB (sampled after a full GC every 40 pages)",
        rows, pages, sink.chars, Math.max(0, max) / 1024);
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
