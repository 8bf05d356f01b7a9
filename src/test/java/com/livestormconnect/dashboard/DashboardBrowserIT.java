package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real browser: Debian's headless Chromium, driven by Selenium, signs up, connects
 * Livestorm on the sandbox's consent page, opens an event and a session, exports the session's
 * people through the progress page and checks the downloaded CSV; axe-core audits every page on the
 * way (and the pages off it) for accessibility, failing on serious or critical violations. Selenium
 * Manager is kept offline and given the Debian binaries, since it cannot download browsers here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final AccessibilityAudit AUDIT = new AccessibilityAudit();

  private WebDriver driver;
  private Path profile;
  private Path downloads;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app();
  }

  private static String base() {
    return System.getProperty(
        "APP_BASE_URL", "http://127.0.0.1:" + System.getProperty("it.http.port", "8080"));
  }

  @BeforeEach
  void startChromium() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "SKIPPED: no Chromium for the end-to-end test. Install it with"
            + " `apt-get install -y chromium chromium-driver` (.ci/run does this).");
    Assumptions.assumeTrue(
        AccessibilityAudit.available(),
        "SKIPPED: no axe-core for the accessibility audit ("
            + AccessibilityAudit.SOURCE
            + "): the build"
            + " fetches it with npm; install Node.js and npm (.ci/run does this).");
    System.setProperty("SE_OFFLINE", "true");
    profile = Files.createTempDirectory("e2e-chromium-profile");
    downloads = Files.createTempDirectory("e2e-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false,
            "safebrowsing.enabled",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopChromium() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    for (Path dir : new Path[] {profile, downloads}) {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  private WebDriverWait waiting(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  @AfterAll
  static void printTheAudit() throws IOException {
    if (!AUDIT.pages().isEmpty()) {
      String summary = AUDIT.summary();
      System.out.println(summary);
      Path report =
          Path.of(
              System.getProperty("project.build.directory", "target"), "e2e", "accessibility.md");
      Files.createDirectories(report.getParent());
      Files.writeString(report, summary);
    }
  }

  /** Runs axe-core on the page shown now and walks it with the keyboard (judged at the end). */
  private void audit(String name) {
    AUDIT.check(name, driver);
    if (!name.contains("sandbox")) {
      // The sandbox's consent page stands in for Livestorm's own; only axe looks at it.
      AUDIT.checkKeyboard(name, driver);
    }
  }

  @Test
  void signsUpConnectsBrowsesAndExportsASessionsPeople() throws Exception {
    driver.get(base() + "/");
    audit("home");
    driver.get(base() + "/login");
    audit("sign-in");
    driver.get(base() + "/signup");
    audit("sign-up");
    driver
        .findElement(By.id("username"))
        .sendKeys("e2e-" + UUID.randomUUID().toString().substring(0, 8));
    driver.findElement(By.id("password")).sendKeys("correct horse battery");
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    waiting(10).until(ExpectedConditions.urlContains("/dashboard"));

    driver.get(base() + "/connect");
    audit("connect");
    for (WebElement box : driver.findElements(By.cssSelector("input[name=scope]:checked"))) {
      box.click();
    }
    driver.findElement(By.id("scope-identity:read")).click();
    driver.findElement(By.id("scope-events:read")).click();
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    waiting(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.approve")));
    audit("consent (sandbox)");
    driver.findElement(By.cssSelector("button.approve")).click();
    waiting(10).until(ExpectedConditions.urlMatches(".*/dashboard$"));
    assertTrue(driver.getPageSource().contains("Live now"), driver.getPageSource());
    audit("dashboard");

    driver.findElement(By.linkText("Events")).click();
    waiting(10).until(ExpectedConditions.urlContains("/events"));
    audit("events");
    driver.findElement(By.cssSelector("table.events td.title a")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart")));
    audit("event");
    fitsAPhone("event");

    WebElement row = smallestSession();
    int registrants =
        Integer.parseInt(
            row.findElement(By.cssSelector("td.registrants")).getText().replaceAll("\\D", ""));
    row.findElement(By.cssSelector("a")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.people")));
    String sessionId = URI.create(driver.getCurrentUrl()).getPath().replace("/sessions/", "");
    assertEquals(
        Math.min(registrants, 50), driver.findElements(By.cssSelector("tr.person")).size());
    audit("session");
    fitsAPhone("session");

    driver.findElement(By.cssSelector("button.export-start")).click();
    waiting(10).until(ExpectedConditions.urlContains("/exports/"));
    assertTrue(driver.findElement(By.tagName("progress")).isDisplayed());
    WebElement status =
        driver.findElement(By.cssSelector("[role=status][aria-live=polite].export-status"));
    String first = status.getDomProperty("textContent");
    ((JavascriptExecutor) driver).executeScript("window.sameDocument = true;");
    audit("export progress");
    WebElement download =
        waiting(90).until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.download")));
    // The live region says where the export stands; if the page first showed it running, the page
    // was updated in place (no reload) and the same live region now says it is done.
    // (A one-page export usually ends before its page is shown. Holding it back with 429s would
    // show the running state every time; why the test does not: docs/accessibility.md, "Not
    // covered".)
    assertTrue(first.matches("Export \\d+ % done|Done: \\d+ people\\."), first);
    if (first.startsWith("Export")) {
      assertEquals(
          Boolean.TRUE,
          ((JavascriptExecutor) driver).executeScript("return window.sameDocument === true;"),
          "the progress page reloaded instead of updating in place");
    }
    // The export holds the participants and the session's host (a team member).
    assertEquals("Done: " + (registrants + 1) + " people.", status.getDomProperty("textContent"));
    audit("export done");
    download.click();

    Path file = awaitDownload("people-" + sessionId + ".csv");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertTrue(
        lines.get(0).startsWith("\uFEFFid,email,first_name,last_name,role,registered_at,attended"),
        lines.get(0));
    assertEquals(registrants + 2, lines.size(), String.join("\n", lines));
    assertFalse(
        lines.stream().skip(1).anyMatch(l -> l.matches("^[^,]*,[^,]*,[=+\\-@].*")),
        "a first name starting like a formula was not neutralised");

    // The pages not on the way above (the user is the deployment's first account: an
    // administrator).
    for (String path :
        List.of(
            "/organization",
            "/webhooks",
            "/connection",
            "/admin",
            "/admin/connections",
            "/admin/metrics",
            "/admin/registration")) {
      driver.get(base() + path);
      audit(path.substring(1));
    }
    assertTrue(AUDIT.rulesChecked() > 0, "axe checked no rule");
    AUDIT.assertNothingSerious();
  }

  /**
   * At a phone's width the page must not scroll sideways (wide tables scroll inside their own box).
   * A screenshot is left in target/e2e for a human look.
   */
  private void fitsAPhone(String name) throws IOException {
    Dimension desktop = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      Object overflow =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertEquals(
          0L, ((Number) overflow).longValue(), "the " + name + " page scrolls sideways on a phone");
      Path shots = Path.of(System.getProperty("project.build.directory", "target"), "e2e");
      Files.createDirectories(shots);
      Files.write(
          shots.resolve(name + "-phone.png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } finally {
      driver.manage().window().setSize(desktop);
    }
  }

  /** The session row of this event with the fewest registrants (at least one). */
  private WebElement smallestSession() {
    return driver.findElements(By.cssSelector("tr.session")).stream()
        .filter(r -> !r.findElement(By.cssSelector("td.registrants")).getText().equals("0"))
        .min(
            Comparator.comparingInt(
                r ->
                    Integer.parseInt(
                        r.findElement(By.cssSelector("td.registrants"))
                            .getText()
                            .replaceAll("\\D", ""))))
        .orElseThrow(
            () -> new AssertionError("no session with registrants: " + driver.getPageSource()));
  }

  private Path awaitDownload(String name) throws InterruptedException, IOException {
    Path file = downloads.resolve(name);
    for (int i = 0; i < 200; i++) {
      Optional<Path> partial;
      try (Stream<Path> files = Files.list(downloads)) {
        partial = files.filter(p -> p.toString().endsWith(".crdownload")).findAny();
      }
      if (Files.isRegularFile(file) && partial.isEmpty()) {
        return file;
      }
      Thread.sleep(100);
    }
    try (Stream<Path> files = Files.list(downloads)) {
      throw new AssertionError("no " + name + " downloaded; found " + files.toList());
    }
  }
}
