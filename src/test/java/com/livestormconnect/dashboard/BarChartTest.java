package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class BarChartTest {
  private static BarChart chart(List<BarChart.Group> groups) {
    return new BarChart(
        "c",
        "Registrants & attendees",
        "Per <session>",
        List.of("Registrants", "Attendees"),
        groups,
        Locale.ENGLISH);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
  }

  @Test
  void escapesHostileLabelsSoTheSvgStaysWellFormedAndInert() throws Exception {
    String svg =
        Charts.svg(
            chart(
                List.of(
                    new BarChart.Group("<script>alert('x')</script>", List.of(3.0, 1.0)),
                    new BarChart.Group("\"><img src=x onerror=alert(1)>", List.of(2.0, 2.0)))));

    assertFalse(svg.contains("<script"), svg);
    assertFalse(svg.contains("<img"), svg);
    assertTrue(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), svg);
    Document document = parse(svg);
    assertEquals(0, document.getElementsByTagName("script").getLength());
    assertEquals(0, document.getElementsByTagName("img").getLength());
  }

  @Test
  void hasATitleADescriptionAndAnAccessibleRole() throws Exception {
    Document document =
        parse(Charts.svg(chart(List.of(new BarChart.Group("a", List.of(1.0, 0.0))))));

    assertEquals("img", document.getDocumentElement().getAttribute("role"));
    assertEquals(
        "Registrants & attendees", document.getElementsByTagName("title").item(0).getTextContent());
    assertEquals("Per <session>", document.getElementsByTagName("desc").item(0).getTextContent());
    assertEquals("c-title c-desc", document.getDocumentElement().getAttribute("aria-labelledby"));
  }

  @Test
  void drawsOneBarPerSeriesAndGroupWithRoundAxisTicks() throws Exception {
    String svg =
        Charts.svg(
            chart(
                List.of(
                    new BarChart.Group("1 Mar", List.of(120.0, 70.0)),
                    new BarChart.Group("8 Mar", List.of(80.0, 41.0)))));
    Document document = parse(svg);

    long bars = document.getElementsByTagName("rect").getLength() - 2; // minus the two legend keys
    assertEquals(4, bars);
    assertTrue(svg.contains(">200</text>"), "axis goes to the next round number: " + svg);
    assertTrue(svg.contains(">100</text>"), svg);
    assertTrue(svg.contains(">1 Mar</text>"), svg);
    assertTrue(svg.contains("1 Mar — Registrants: 120"), svg);
  }

  @Test
  void formatsTickValuesForTheLocale() {
    String svg =
        Charts.svg(
            new BarChart(
                "c",
                "t",
                "d",
                List.of("n"),
                List.of(new BarChart.Group("x", List.of(12_000.0))),
                Locale.FRANCE));
    assertTrue(svg.contains(">20\u202F000</text>") || svg.contains(">20\u00A0000</text>"), svg);
  }

  @Test
  void anEmptyChartStillHasAxesAndNoBars() throws Exception {
    Document document = parse(Charts.svg(chart(List.of())));

    assertEquals(2, document.getElementsByTagName("rect").getLength()); // the legend only
    assertTrue(document.getElementsByTagName("line").getLength() >= 2);
    assertTrue(chart(List.of()).isEmpty());
  }

  @Test
  void shortensLongLabelsOnTheAxisButKeepsThemWholeInTheBarTitle() {
    String label = "A very long webinar title that keeps going and going";
    String svg = Charts.svg(chart(List.of(new BarChart.Group(label, List.of(1.0, 1.0)))));

    assertTrue(svg.contains(">A very long w\u2026</text>"), svg);
    assertTrue(svg.contains("<title>" + label + " — Registrants: 1</title>"), svg);
  }

  @Test
  void dropsBidiOverridesSoTheyCannotReverseTheRestOfTheChart() throws Exception {
    assertEquals("Security update gnp.exe", BarChart.plain("Security update \u202Egnp.exe"));
    // Nor does any reach the SVG, in a label, a bar's title, a series or the chart's title.
    String svg =
        Charts.svg(
            new BarChart(
                "c",
                "t \u2067x",
                "d\u202D",
                List.of("s\u202B"),
                List.of(new BarChart.Group("Security update \u202Egnp.exe\u0007", List.of(1.0))),
                Locale.ENGLISH));
    assertFalse(
        svg.codePoints()
            .anyMatch(c -> c == 0x202E || c == 0x2067 || c == 0x202D || c == 0x202B || c == 7),
        svg);
    assertTrue(svg.contains(">Security upda\u2026</text>"), svg);
    parse(svg);
  }

  @Test
  void roundsTheAxisUpToOneTwoOrFiveTimesAPowerOfTen() {
    assertEquals(1, BarChart.niceMaximum(0));
    assertEquals(5, BarChart.niceMaximum(3));
    assertEquals(200, BarChart.niceMaximum(120));
    assertEquals(10_000, BarChart.niceMaximum(5_200));
    assertEquals(100, BarChart.niceMaximum(100));
  }

  @Test
  void categoryLabelsNeverOverlapAtAnyNumberOfGroups() {
    for (int groups = 1; groups <= 2_000; groups++) {
      double slot = (double) (BarChart.WIDTH - 72) / groups;
      for (int chars : new int[] {4, 11, 14}) {
        BarChart.LabelLayout layout = BarChart.LabelLayout.of(slot, chars);
        double apart = slot * layout.stride();
        if (layout.rotated()) {
          assertTrue(
              apart * Math.sin(Math.PI / 4) >= BarChart.LabelLayout.LINE - 1e-9,
              groups + " groups");
        } else {
          assertTrue(
              apart >= chars * BarChart.LabelLayout.CHAR_WIDTH,
              groups + " groups, " + chars + " chars");
        }
      }
    }
  }

  @Test
  void manyDateLabelsAreRotatedAndThinned() {
    List<BarChart.Group> groups =
        java.util.stream.IntStream.range(0, 60)
            .mapToObj(i -> new BarChart.Group("30 Nov 2026", List.of(1.0)))
            .toList();
    String svg =
        Charts.svg(new BarChart("c", "t", "d", List.of("s"), groups, java.util.Locale.ENGLISH));
    assertTrue(svg.contains("rotate(-45"), svg);
    int labels = svg.split("class=\"chart-label\"", -1).length - 1;
    assertTrue(labels < 60 && labels > 10, "labels shown: " + labels);
  }
}
