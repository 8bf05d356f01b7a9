package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The chart's records and the fragment that draws them: the records carry plain text, the template
 * engine escapes it, and the drawing is the one the chart had when it was written as a string.
 */
class ChartFragmentTest {
  private static final String SCRIPT = "<script>alert(\"x\")</script>";
  private static final String QUOTES = "' onmouseover='alert(1)' x=\"";
  private static final Set<String> SVG_ATTRIBUTES =
      Set.of(
          "xmlns",
          "class",
          "role",
          "viewBox",
          "aria-labelledby",
          "id",
          "x",
          "y",
          "x1",
          "x2",
          "y1",
          "y2",
          "width",
          "height",
          "text-anchor",
          "transform");

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
  }

  private static BarChart hostile() {
    return new BarChart(
        "c",
        "</title><script>alert(1)</script>",
        "\"><script>alert(2)</script>",
        List.of(SCRIPT, QUOTES),
        List.of(
            new BarChart.Group(SCRIPT, List.of(3.0, 1.0)),
            new BarChart.Group(QUOTES, List.of(2.0, 2.0))),
        Locale.ENGLISH);
  }

  @Test
  void theRecordsCarryLabelsAsTheyAreAndTheRenderedFigureEscapesEachOne() throws Exception {
    BarChart chart = hostile();
    // Plain text in the records: escaping is the engine's, once.
    assertEquals(
        SCRIPT + " \u2014 " + SCRIPT + ": 3", chart.columns().get(0).bars().get(0).title());
    assertEquals(QUOTES, chart.legend().get(1).name());

    String figure = Charts.figure(chart);
    assertFalse(figure.contains("<script"), figure);
    assertFalse(figure.contains("onmouseover='"), figure);
    assertTrue(figure.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), figure);
    assertTrue(figure.contains("&#39; onmouseover=&#39;alert(1)&#39; x=&quot;"), figure);
    // In the table, the text alternative, too.
    assertTrue(
        figure.contains("<th scope=\"row\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</th>"),
        figure);
  }

  @Test
  void hostileTextStaysTextInTheSvgAndAddsNoElementOrAttribute() throws Exception {
    Document svg = parse(Charts.svg(hostile()));

    assertEquals(0, svg.getElementsByTagName("script").getLength());
    NodeList all = svg.getElementsByTagName("*");
    Set<String> names = new java.util.TreeSet<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      names.add(element.getTagName());
      for (int a = 0; a < element.getAttributes().getLength(); a++) {
        String attribute = element.getAttributes().item(a).getNodeName();
        assertTrue(SVG_ATTRIBUTES.contains(attribute), attribute + " on " + element.getTagName());
      }
    }
    assertEquals(Set.of("desc", "line", "rect", "svg", "text", "title"), names);
    // Each text reads back exactly as Livestorm gave it.
    assertEquals(
        "</title><script>alert(1)</script>",
        svg.getElementsByTagName("title").item(0).getTextContent());
    assertEquals(
        SCRIPT + " \u2014 " + SCRIPT + ": 3",
        svg.getElementsByTagName("title").item(1).getTextContent());
    assertEquals(
        QUOTES + " \u2014 " + QUOTES + ": 2",
        svg.getElementsByTagName("title").item(4).getTextContent());
    List<String> texts = new ArrayList<>();
    NodeList textNodes = svg.getElementsByTagName("text");
    for (int i = 0; i < textNodes.getLength(); i++) {
      texts.add(textNodes.item(i).getTextContent());
    }
    assertTrue(texts.contains(BarChart.shorten(SCRIPT)), texts.toString());
    assertTrue(texts.contains(BarChart.shorten(QUOTES)), texts.toString());
    assertTrue(texts.containsAll(List.of(SCRIPT, QUOTES)), "legend: " + texts);
  }

  @Test
  void theBarsAreSizedToTheAxisAndSideBySideInTheirSlot() {
    BarChart chart =
        new BarChart(
            "c",
            "t",
            "d",
            List.of("a", "b"),
            List.of(
                new BarChart.Group("1 Mar", List.of(100.0, 50.0)),
                new BarChart.Group("8 Mar", List.of(0.0, 200.0))),
            Locale.ENGLISH);
    List<BarChart.Column> columns = chart.columns();

    assertEquals(2, columns.size());
    BarChart.Bar hundred = columns.get(0).bars().get(0);
    BarChart.Bar fifty = columns.get(0).bars().get(1);
    BarChart.Bar top = columns.get(1).bars().get(1);
    // The axis goes to 200: a full bar is the plot's height (176), half of it 88.
    assertEquals("176.0", top.height());
    assertEquals("36.0", top.y());
    assertEquals("88.0", hundred.height());
    assertEquals("44.0", fifty.height());
    assertEquals(1, fifty.series());
    assertTrue(
        Double.parseDouble(fifty.x()) > Double.parseDouble(hundred.x()), "series side by side");
    assertEquals("1 Mar", columns.get(0).label().text());
    assertNull(columns.get(0).label().transform(), "short labels stand upright");
    assertEquals("200", chart.ticks().get(4).value().text());
  }

  @Test
  void thinnedOutLabelsHaveNoRecordAndNoElement() throws Exception {
    List<BarChart.Group> groups =
        IntStream.range(0, 60)
            .mapToObj(i -> new BarChart.Group("30 Nov 2026", List.of(1.0)))
            .toList();
    BarChart chart = new BarChart("c", "t", "d", List.of("s"), groups, Locale.ENGLISH);
    long labels = chart.columns().stream().filter(c -> c.label() != null).count();

    assertTrue(labels > 10 && labels < 60, labels + " labels");
    assertTrue(chart.columns().stream().allMatch(c -> c.bars().size() == 1));
    Document svg = parse(Charts.svg(chart));
    NodeList texts = svg.getElementsByTagName("text");
    long drawn =
        IntStream.range(0, texts.getLength())
            .filter(i -> "chart-label".equals(((Element) texts.item(i)).getAttribute("class")))
            .count();
    assertEquals(labels, drawn);
  }

  /**
   * The SVG the chart wrote as a string before it became a fragment, kept in
   * src/test/resources/charts: the fragment draws the same elements with the same attributes in the
   * same order, only with line breaks between them.
   */
  @Test
  void drawsTheSameSvgAsTheChartWrittenAsAString() throws IOException {
    assertEquals(
        Files.readString(
            Path.of(
                System.getProperty("project.basedir", "."),
                "src/test/resources/charts/three-groups-en.svg")),
        Charts.svg(
                new BarChart(
                    "sessions-chart",
                    "Registrants & attendees",
                    "Per <session>",
                    List.of("Registrants", "Attendees"),
                    groups(3),
                    Locale.ENGLISH))
            .replaceAll(">\\s+<", "><"));
    assertEquals(
        Files.readString(
            Path.of(
                System.getProperty("project.basedir", "."),
                "src/test/resources/charts/forty-groups-fr.svg")),
        Charts.svg(
                new BarChart(
                    "rate-chart",
                    "Taux",
                    "Combien \"de\" temps",
                    List.of("Participants"),
                    groups(40),
                    Locale.FRANCE))
            .replaceAll(">\\s+<", "><"));
  }

  /** Dates, hostile labels (a bidi override among them) and long titles, as the saved SVGs had. */
  private static List<BarChart.Group> groups(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new BarChart.Group(
                    i % 3 == 0
                        ? (i + 1) + " Mar 2026"
                        : i % 3 == 1
                            ? "<b>x</b> \u202E & 'q' \""
                            : "A very long webinar title " + i,
                    List.of((double) (i * 37 % 101), i % 5 == 0 ? 0.5 : (double) (i * 13 % 47))))
        .toList();
  }

  @Test
  void noTemplateInsertsUnescapedText() throws IOException {
    try (Stream<Path> files =
        Files.walk(
            Path.of(System.getProperty("project.basedir", "."), "webapp/WEB-INF/templates"))) {
      List<Path> unescaped =
          files
              .filter(p -> p.toString().endsWith(".html"))
              .filter(
                  p -> {
                    try {
                      return Files.readString(p).contains("utext");
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
      assertEquals(List.of(), unescaped);
    }
  }
}
