package nova.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by its chromedriver: the browser of the browser tests. */
final class HeadlessChromium {
  private HeadlessChromium() {}

  static WebDriver start() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getenv().getOrDefault("NOVA_TEST_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory("nova-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(
                        System.getenv()
                            .getOrDefault("NOVA_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
