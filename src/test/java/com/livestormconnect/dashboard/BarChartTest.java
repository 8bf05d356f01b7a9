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
    return new BarChart("c", "Registrants & attendees", "Per <session>", List.of("Registrants", "Attendees"),
        groups, Locale.ENGLISH);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
  }

  @Test
  void escapesHostileLabelsSoTheSvgStaysWellFormedAndInert() throws Exception {
    String svg = chart(List.of(new BarChart.Group("<script>alert('x')</script>", List.of(3.0, 1.0)),
        new BarChart.Group("\"><img src=x onerror=alert(1)>", List.of(2.0, 2.0)))).svg();

    assertFalse(svg.contains("<script"), svg);
    assertFalse(svg.contains("<img"), svg);
    assertTrue(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), svg);
    Document document = parse(svg);
    assertEquals(0, document.getElementsByTagName("script").getLength());
    assertEquals(0, document.getElementsByTagName("img").getLength());
  }

  @Test
  void hasATitleADescriptionAndAnAccessibleRole() throws Exception {
    Document document = parse(chart(List.of(new BarChart.Group("a", List.of(1.0, 0.0)))).svg());

    assertEquals("img", document.getDocumentElement().getAttribute("role"));
    assertEquals("Registrants & attendees", document.getElementsByTagName("title").item(0).getTextContent());
    assertEquals("Per <session>", document.getElementsByTagName("desc").item(0).getTextContent());
    assertEquals("c-title c-desc", document.getDocumentElement().getAttribute("aria-labelledby"));
  }

  @Test
  void drawsOneBarPerSeriesAndGroupWithRoundAxisTicks() throws Exception {
    String svg = chart(List.of(new BarChart.Group("1 Mar", List.of(120.0, 70.0)),
        new BarChart.Group("8 Mar", List.of(80.0, 41.0)))).svg();
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
    String svg = new BarChart("c", "t", "d", List.of("n"),
        List.of(new BarChart.Group("x", List.of(12_000.0))), Locale.FRANCE).svg();
    assertTrue(svg.contains(">20\u202F000</text>") || svg.contains(">20\u00A0000</text>"), svg);
  }

  @Test
  void anEmptyChartStillHasAxesAndNoBars() throws Exception {
    Document document = parse(chart(List.of()).svg());

    assertEquals(2, document.getElementsByTagName("rect").getLength()); // the legend only
    assertTrue(document.getElementsByTagName("line").getLength() >= 2);
    assertTrue(chart(List.of()).isEmpty());
  }

  @Test
  void shortensLongLabelsOnTheAxisButKeepsThemWholeInTheBarTitle() {
    String label = "A very long webinar title that keeps going and going";
    String svg = chart(List.of(new BarChart.Group(label, List.of(1.0, 1.0)))).svg();

    assertTrue(svg.contains(">A very long w\u2026</text>"), svg);
    assertTrue(svg.contains("<title>" + label + " — Registrants: 1</title>"), svg);
  }

  @Test
  void dropsBidiOverridesSoTheyCannotReverseTheRestOfTheChart() {
    assertEquals("Security update gnp.exe", BarChart.escape("Security update \u202Egnp.exe"));
  }

  @Test
  void roundsTheAxisUpToOneTwoOrFiveTimesAPowerOfTen() {
    assertEquals(1, BarChart.niceMaximum(0));
    assertEquals(5, BarChart.niceMaximum(3));
    assertEquals(200, BarChart.niceMaximum(120));
    assertEquals(10_000, BarChart.niceMaximum(5_200));
    assertEquals(100, BarChart.niceMaximum(100));
  }
}
