package com.livestormconnect.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * axe-core, injected by Selenium into the page the browser shows, audits it against WCAG 2.x A/AA
 * and axe's best practices. The build fetches axe-core from npm into target/axe (it is not kept in
 * the repository). WebDriver's scripts run outside the page's Content-Security-Policy, so the app's
 * strict policy (no inline script) does not need loosening for the audit.
 */
final class AccessibilityAudit {
  static final Path SOURCE =
      Path.of(
          System.getProperty("project.build.directory", "target"),
          "axe",
          "node_modules",
          "axe-core",
          "axe.min.js");

  /** Impacts that fail the test; "minor" and "moderate" are reported only. */
  static final List<String> FAILING = List.of("serious", "critical");

  /** One page's result. */
  record PageResult(String page, int rulesChecked, List<Map<String, Object>> violations) {}

  /**
   * What the keyboard walk of a page found wrong: an action Tab never reaches, a focus not shown.
   */
  private final List<String> keyboardProblems = new ArrayList<>();

  private int keyboardStops;
  private final List<PageResult> pages = new ArrayList<>();
  private final java.util.Set<String> rules = new TreeSet<>();
  private String source;
  private String version = "?";

  static boolean available() {
    return Files.isRegularFile(SOURCE);
  }

  List<PageResult> pages() {
    return pages;
  }

  int rulesChecked() {
    return rules.size();
  }

  /**
   * Audits the current page and remembers the result ({@link #assertNothingSerious} judges them
   * all).
   */
  @SuppressWarnings("unchecked")
  void check(String page, WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(source() + "\n;window.axe = window.axe || axe;");
    Map<String, Object> result =
        (Map<String, Object>)
            js.executeAsyncScript(
                """
        var done = arguments[arguments.length - 1];
        axe.run(document).then(function (r) {
          var ids = function (list) { return list.map(function (x) { return x.id; }); };
          done({
            version: r.testEngine.version,
            passes: ids(r.passes), incomplete: ids(r.incomplete), violations: r.violations.map(function (v) {
              return {id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' -- ' + n.failureSummary; })};
            })
          });
        }, function (e) { done({error: String(e)}); });
        """);
    if (result.containsKey("error")) {
      throw new AssertionError("axe-core failed on " + page + ": " + result.get("error"));
    }
    version = String.valueOf(result.get("version"));
    List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
    List<String> checked = new ArrayList<>((List<String>) result.get("passes"));
    checked.addAll((List<String>) result.get("incomplete"));
    violations.forEach(v -> checked.add((String) v.get("id")));
    rules.addAll(checked);
    pages.add(
        new PageResult(
            page
                + " ("
                + driver
                    .getCurrentUrl()
                    .replaceFirst("^https?://[^/]+", "")
                    .replaceFirst("[?].*$", "")
                + ")",
            checked.size(),
            violations));
  }

  /**
   * Walks the page with the Tab key from the top: every visible link, button, field and summary
   * must receive focus (a radio group counts once: arrows move inside it), and each focused element
   * must show it: an outline of at least 2 px with a contrast of 3:1 against what is behind it
   * (WCAG 1.4.11), or a box shadow.
   */
  @SuppressWarnings("unchecked")
  void checkKeyboard(String page, WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    List<WebElement> wanted =
        (List<WebElement>)
            js.executeScript(
                """
        var seen = {};
        return Array.prototype.filter.call(document.querySelectorAll(
            'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]),'
            + ' textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'), function (e) {
          if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') { return false; }
          if (e.type === 'radio') { if (seen[e.name]) { return false; } seen[e.name] = true; }
          return true;
        });
        """);
    js.executeScript(
        "document.body.setAttribute('tabindex', '-1'); document.body.focus();"
            + " document.body.removeAttribute('tabindex');");
    java.util.Set<WebElement> reached = new java.util.HashSet<>();
    java.util.Set<String> radioGroups = new java.util.HashSet<>();
    for (int i = 0; i < wanted.size() + 5; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      List<Object> focus =
          (List<Object>)
              js.executeScript(
                  """
          var e = document.activeElement, s = getComputedStyle(e);
          var rgb = function (c) { var m = c.match(/[\\d.]+/g) || [0, 0, 0, 0]; return m.map(Number); };
          var lum = function (c) { return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]); };
          var lin = function (v) { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          var background = [255, 255, 255];
          for (var p = e.parentElement; p; p = p.parentElement) {
            var b = rgb(getComputedStyle(p).backgroundColor);
            if (b.length < 4 || b[3] > 0) { background = b; break; }
          }
          var a = lum(rgb(s.outlineColor)), b2 = lum(background);
          var contrast = (Math.max(a, b2) + 0.05) / (Math.min(a, b2) + 0.05);
          var shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && contrast >= 3)
              || s.boxShadow !== 'none';
          return [e, e === document.body, shown, e.type === 'radio' ? e.name : '', e.outerHTML.substring(0, 120)];
          """);
      if ((Boolean) focus.get(1)) {
        break;
      }
      WebElement element = (WebElement) focus.get(0);
      if (!reached.add(element)) {
        break;
      }
      keyboardStops++;
      if (!(Boolean) focus.get(2)) {
        keyboardProblems.add(page + ": focus not visible on " + focus.get(4));
      }
      if (!((String) focus.get(3)).isEmpty()) {
        radioGroups.add((String) focus.get(3));
      }
    }
    for (WebElement e : wanted) {
      boolean radioReached =
          "radio".equals(e.getDomAttribute("type"))
              && radioGroups.contains(e.getDomAttribute("name"));
      if (!reached.contains(e) && !radioReached) {
        keyboardProblems.add(
            page
                + ": not reachable with Tab: "
                + js.executeScript("return arguments[0].outerHTML.substring(0, 120);", e));
      }
    }
  }

  /**
   * Fails listing every serious or critical violation and keyboard problem of every page audited.
   */
  @SuppressWarnings("unchecked")
  void assertNothingSerious() {
    StringBuilder message = new StringBuilder();
    keyboardProblems.forEach(p -> message.append("\n- keyboard: ").append(p));
    for (PageResult p : pages) {
      p.violations().stream()
          .filter(v -> FAILING.contains(String.valueOf(v.get("impact"))))
          .forEach(
              v ->
                  message
                      .append("\n- ")
                      .append(p.page())
                      .append(": ")
                      .append(v.get("impact"))
                      .append(' ')
                      .append(v.get("id"))
                      .append(": ")
                      .append(v.get("help"))
                      .append("\n    ")
                      .append(String.join("\n    ", (List<String>) v.get("nodes"))));
    }
    if (message.length() > 0) {
      throw new AssertionError("serious or critical accessibility problems:" + message);
    }
  }

  /** Pages, rules checked, violations by impact, as a Markdown table. */
  String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Accessibility audit (axe-core ")
        .append(version)
        .append("): ")
        .append(pages.size())
        .append(" pages, ")
        .append(rules.size())
        .append(" rules checked\n\n")
        .append("| Page | Rules checked | Critical | Serious | Moderate | Minor |\n")
        .append("| --- | --- | --- | --- | --- | --- |\n");
    Map<String, Integer> totals = new TreeMap<>();
    for (PageResult p : pages) {
      Map<String, Integer> byImpact = new LinkedHashMap<>();
      for (String impact : List.of("critical", "serious", "moderate", "minor")) {
        byImpact.put(impact, 0);
      }
      p.violations().forEach(v -> byImpact.merge(String.valueOf(v.get("impact")), 1, Integer::sum));
      byImpact.forEach((k, n) -> totals.merge(k, n, Integer::sum));
      out.append("| ").append(p.page()).append(" | ").append(p.rulesChecked());
      byImpact.values().forEach(n -> out.append(" | ").append(n));
      out.append(" |\n");
    }
    out.append("\nViolations by impact (rules failing, summed over pages): ")
        .append(totals)
        .append('\n');
    out.append("Keyboard: ")
        .append(keyboardStops)
        .append(" Tab stops walked, ")
        .append(keyboardProblems.size())
        .append(" problems (unreachable actions or focus not visible)\n");
    keyboardProblems.forEach(p -> out.append("- keyboard: ").append(p).append('\n'));
    pages.stream()
        .filter(p -> !p.violations().isEmpty())
        .forEach(
            p ->
                p.violations()
                    .forEach(
                        v ->
                            out.append("- ")
                                .append(p.page())
                                .append(": ")
                                .append(v.get("impact"))
                                .append(' ')
                                .append(v.get("id"))
                                .append(" (")
                                .append(v.get("help"))
                                .append(")\n")));
    return out.toString();
  }

  private String source() {
    if (source == null) {
      try {
        source = Files.readString(SOURCE, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }
}
