package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nova.activities.llm.FakeProvider;
import nova.activities.llm.ProviderKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in Debian's Chromium, headless: log in, watch a plan arrive live, approve it, see the
 * new state without a reload.
 */
class BrowserIT {
  private static WebDriver browser;

  @BeforeAll
  static void openBrowser() throws Exception {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) browser.quit();
  }

  @Test
  void theAdminApprovesAPlanThatAppearedWithoutAReload() throws Exception {
    Fixtures.Agent agent = Fixtures.agent(true);
    String id = Fixtures.task(agent);
    String base = NovaServer.baseUrl();
    // htmx swaps the part while we look: an element may go stale between finding and reading it.
    var wait =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .ignoring(StaleElementReferenceException.class);

    browser.get(base + "/login");
    browser.findElement(By.name("username")).sendKeys("admin");
    browser.findElement(By.name("password")).sendKeys(NovaServer.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/"));

    browser.get(base + "/tasks/" + id);
    wait.until(d -> status(d).equals("planning"));
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.novaSamePage = true;");

    agent
        .api()
        .post(
            "/api/v1/server/tasks/" + id + "/plan",
            Map.of("text", "Plan: add the index, then backfill"));
    wait.until(d -> status(d).equals("plan_review"));
    assertThat(browser.findElement(By.cssSelector(".plan")).getText())
        .contains("add the index, then backfill");

    browser.findElement(By.cssSelector(".action-approve_plan button")).click();
    wait.until(d -> status(d).equals("running"));
    assertThat(js.executeScript("return window.novaSamePage === true;"))
        .as("the page was not reloaded")
        .isEqualTo(true);
    assertThat(Fixtures.status(id)).isEqualTo("running");

    browser.manage().window().setSize(new Dimension(390, 844));
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    Files.write(
        shots.resolve("task-page-phone.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    Number overflow =
        (Number)
            js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(overflow.intValue())
        .as("no sideways scrolling at phone width")
        .isLessThanOrEqualTo(0);
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(base + "/");
    Files.write(
        shots.resolve("board.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void theMemoryPageSearchesAndFollowsAModelSwitchWithoutAReload() throws Exception {
    var wait =
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .ignoring(StaleElementReferenceException.class);
    String scope = "project:" + Fixtures.project(false);
    for (String fact :
        List.of(
            "Puffins nest in burrows on grassy sea cliffs.",
            "Saturn's rings are mostly chunks of water ice. " + FakeProvider.HOLD)) {
      assertThat(
              Api.admin()
                  .post("/api/v1/memories", Map.of("content", fact, "scope", scope))
                  .status())
          .isEqualTo(201);
    }
    try (FakeProvider model = new FakeProvider(ProviderKind.OPENAI);
        Gateways gateways = new Gateways()) {
      String embedder = gateways.provider(model, null) + "/m-1";
      try {
        openSignedIn("/memories", wait);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.novaSamePage = true;");
        browser.findElement(By.name("q")).sendKeys("where do puffins nest");
        browser.findElement(By.name("scope")).sendKeys(scope);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        wait.until(
            d ->
                d.findElement(By.id("memory-results"))
                    .getText()
                    .contains("Puffins nest in burrows"));
        wait.until(
            d ->
                d.findElement(By.cssSelector("#memory-results tbody tr"))
                    .getText()
                    .matches("(?s).*Puffins.*#1.*"));

        browser.findElement(By.cssSelector("#memory-model input[name=model]")).sendKeys(embedder);
        browser.findElement(By.cssSelector("#memory-model button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#memory-model .meter")).isEmpty());
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(
            shots.resolve("memory-switch.png"),
            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        model.releaseHeld();
        wait.until(d -> d.findElement(By.id("memory-model")).getText().contains("Last switch"));
        assertThat(browser.findElement(By.id("memory-model")).getText())
            .contains("done")
            .contains(embedder);
        assertThat(js.executeScript("return window.novaSamePage === true;"))
            .as("the page was not reloaded")
            .isEqualTo(true);
      } finally {
        model.releaseHeld();
        if (!MemoryModelSwitchIT.stats()
            .path("active_model")
            .asText()
            .equals(MemoryModelSwitchIT.LOCAL)) {
          MemoryModelSwitchIT.awaitSwitchEnd();
          assertThat(
                  Api.admin()
                      .post(
                          "/api/v1/memories/models/switch",
                          Map.of("model", MemoryModelSwitchIT.LOCAL))
                      .status())
              .isEqualTo(202);
          assertThat(MemoryModelSwitchIT.awaitSwitchEnd().path("status").asText())
              .isEqualTo("done");
        }
      }
    }
  }

  /** Opens a page, signing in as the admin first if this browser has no session yet. */
  private static void openSignedIn(String path, FluentWait<WebDriver> wait) {
    String base = NovaServer.baseUrl();
    browser.get(base + path);
    if (browser.getCurrentUrl().endsWith("/login")) {
      browser.findElement(By.name("username")).sendKeys("admin");
      browser.findElement(By.name("password")).sendKeys(NovaServer.ADMIN_PASSWORD);
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.urlToBe(base + "/"));
      browser.get(base + path);
    }
  }

  @Test
  void chatShowsTheAnswerTokenByTokenAsItArrives() throws Exception {
    var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < 12; i++) pieces.add("word" + i + " ");
    try (FakeProvider model =
            new FakeProvider(ProviderKind.OPENAI)
                .otherwise(
                    FakeProvider.Plan.answer(pieces.toArray(String[]::new))
                        .paced(Duration.ofMillis(80)));
        Gateways gateways = new Gateways()) {
      String provider = gateways.provider(model, null);
      String agentId =
          Api.admin()
              .post(
                  "/api/v1/agents",
                  Map.of("name", Fixtures.unique("paced"), "model", provider + "/m-1"))
              .text("id");
      openSignedIn("/chat", wait);
      new Select(browser.findElement(By.name("agent"))).selectByValue(agentId);
      JavascriptExecutor js = (JavascriptExecutor) browser;
      // notes the answer's length at each change: streamed, it grows a token at a time while the
      // model writes
      js.executeScript(
          """
          window.novaLengths = [];
          new MutationObserver(() => { const b = document.querySelector('.bubble.assistant'); if (b) window.novaLengths.push(b.textContent.length); })
            .observe(document.getElementById('chat-log'), {childList: true, subtree: true, characterData: true});
          """);
      browser.findElement(By.name("message")).sendKeys("Tell me about streaming");
      browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();
      wait.until(
          d -> d.findElement(By.cssSelector(".bubble.assistant")).getText().contains("word3"));
      assertThat(browser.findElement(By.cssSelector(".bubble.assistant")).getText())
          .as("shown before the model finished")
          .doesNotContain("word11");
      wait.until(d -> !d.findElements(By.cssSelector(".bubble.assistant small")).isEmpty());
      assertThat(browser.findElement(By.cssSelector(".bubble.assistant")).getText())
          .contains("word0 word1")
          .contains("word11")
          .contains(provider + "/m-1");
      @SuppressWarnings("unchecked")
      List<Number> lengths = (List<Number>) js.executeScript("return window.novaLengths;");
      assertThat(lengths.stream().map(Number::intValue).distinct().count())
          .as("distinct lengths the answer passed through")
          .isGreaterThanOrEqualTo(10);
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      Files.write(
          shots.resolve("chat.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      Api.admin().delete("/api/v1/agents/" + agentId);
    }
  }

  private static String status(WebDriver driver) {
    return driver.findElement(By.id("task-status")).getAttribute("data-status");
  }
}
