package org.calsim.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab server's pages in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; other paths with
 * {@code -Dcalsim.chromium=…} and {@code -Dcalsim.chromedriver=…}): a researcher enters the token, submits
 * {@code examples/quickstart.yaml} through the form on the start page, watches the job's progress and its state
 * reach "succeeded" in the list, opens the job page and sees its headline numbers and its plots, loaded, then deploys
 * the example plugin through the registry page's form. Screenshots of the pages go to {@code target/browser-it/}.
 */
class BrowserIT {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);
    private static final Path SCREENSHOTS = Path.of("target", "browser-it");

    @TempDir
    Path dir;

    private Process server;
    private ChromeDriver browser;

    @Test
    void submitsTheQuickstartThroughTheFormAndShowsItsPlots() throws Exception {
        Path data = dir.resolve("lab");
        int port = Calsim.freePort();
        String base = "http://127.0.0.1:" + port + "/";
        server = Calsim.serve(dir.resolve("serve"), port, data);
        String token = Files.readString(data.resolve("token"), StandardCharsets.US_ASCII).trim();
        browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            // the start page: token, then the quickstart through the file picker
            browser.get(base);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#jobs tbody tr")));
            browser.findElement(By.id("token")).sendKeys(token);
            assertEquals(token, js("return localStorage.getItem('calsim.token')"), "the token is remembered");
            Path quickstart = Calsim.home().resolve("examples/quickstart.yaml");
            browser.findElement(By.id("job-file")).sendKeys(quickstart.toString());
            wait.until(d -> ((String) js("return document.getElementById('job-source').value"))
                    .contains("name: quickstart"));
            browser.findElement(By.id("submit-button")).click();
            WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submitted-link")));
            String id = link.getAttribute("href").replaceAll(".*[?&]id=(\\d+).*", "$1");
            assertTrue(id.matches("\\d+"), link.getAttribute("href"));

            // the list: the job runs (progress bar with the stage name) and succeeds
            By row = By.cssSelector("#jobs tr[data-id='" + id + "']");
            String stageSeen = null;
            long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
            while (true) {
                List<WebElement> rows = browser.findElements(row);
                String state = rows.isEmpty() ? "" : rows.get(0).getAttribute("data-state");
                if (state.equals("succeeded")) {
                    break;
                }
                if (state.equals("failed") || state.equals("cancelled")) {
                    screenshot("list-" + state);
                    fail("job " + id + " " + state + ": " + rows.get(0).getText());
                }
                if (stageSeen == null && !rows.isEmpty()) {
                    List<WebElement> label = rows.get(0).findElements(By.cssSelector(".progress-label strong"));
                    if (!label.isEmpty() && !label.get(0).getText().isBlank()) {
                        stageSeen = label.get(0).getText();
                        screenshot("list-running");
                    }
                }
                if (System.nanoTime() > deadline) {
                    screenshot("list-timeout");
                    fail("job " + id + " did not succeed in " + JOB_TIMEOUT + "; its row: "
                            + (rows.isEmpty() ? "missing" : rows.get(0).getText()));
                }
                Thread.sleep(500);
            }
            assertTrue(stageSeen != null && stageSeen.contains("."), "the list showed a stage while the job ran: "
                    + stageSeen);
            assertEquals("succeeded", browser.findElement(row).findElement(By.cssSelector(".badge")).getText());
            screenshot("list");

            // the job page: state, headline numbers per stage, plots that loaded
            browser.findElement(row).findElement(By.cssSelector("a.job-name")).click();
            wait.until(ExpectedConditions.urlContains("job.html?id=" + id));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#job-state .badge"), "succeeded"));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("article.stage-card[data-stage='dem.calender'] td.num")));
            By plot = By.cssSelector("#plots figure[data-file='dem.calender-pressure-thickness.png'] img");
            wait.until(ExpectedConditions.presenceOfElementLocated(plot));
            wait.until(d -> loaded(d.findElement(plot)));
            long naturalWidth = (Long) js("return arguments[0].naturalWidth", browser.findElement(plot));
            assertTrue(naturalWidth > 0, "the plot has loaded: naturalWidth " + naturalWidth);
            assertTrue(browser.findElement(plot).isDisplayed(), "the plot is shown");
            By slice = By.cssSelector("#images figure[data-file^='fem.microstructure/'] img");
            wait.until(d -> !d.findElements(slice).isEmpty() && loaded(d.findElements(slice).get(0)));
            long plots = (Long) js("return document.querySelectorAll('#plots img').length");
            long loaded = (Long) js("return [...document.querySelectorAll('#plots img')]"
                    + ".filter(i => i.complete && i.naturalWidth > 0).length");
            js("window.scrollTo(0, document.getElementById('plots-section').offsetTop)");
            screenshot("job");
            assertTrue(plots >= 5, "the quickstart's plots are on the page: " + plots);
            assertEquals(plots, loaded, "every plot loaded");

            // the registry page: the example plugin deployed through its form; the answer names the plugin's
            // component and its state, and the services table lists the law at once
            browser.get(base + "static/registry.html");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#services tbody tr")));
            browser.findElement(By.cssSelector("#deploy-card summary")).click();
            browser.findElement(By.id("bundle-file")).sendKeys(
                    Path.of(System.getProperty("calsim.plugin.jar")).toRealPath().toString());
            browser.findElement(By.id("deploy-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-result"), "Deployed"));
            String deployed = browser.findElement(By.id("deploy-result")).getText();
            assertTrue(deployed.matches("(?s).*components: org\\.calsim\\.example\\.contact\\.WaltonBraunLaw "
                    + "(satisfied|active).*"), deployed);
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#services tr[data-name='walton-braun']")));
            screenshot("registry");
            List<String> errors = errors();
            assertTrue(errors.isEmpty(), "the pages ran without script errors: " + errors);
        } catch (AssertionError | RuntimeException e) {
            screenshot("failure");
            System.out.println("browser console:\n" + String.join("\n", console()));
            throw e;
        }
    }

    private boolean loaded(WebElement img) {
        return Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Headless Chromium with a fresh profile, quiet: no first-run pages, no background network, no sync. */
    private ChromeDriver chromium() throws IOException {
        File binary = new File(System.getProperty("calsim.chromium", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("calsim.chromedriver", "/usr/bin/chromedriver"));
        if (!binary.canExecute() || !driver.canExecute()) {
            fail("the browser test needs Chromium and its driver at " + binary + " and " + driver + " (Debian: "
                    + "apt-get install chromium chromium-driver; or -Dcalsim.chromium=… -Dcalsim.chromedriver=…)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        return new ChromeDriver(service, options);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.out.println("no screenshot " + name + ": " + e);
        }
    }

    /** @return the browser console since the last call */
    private List<String> console() {
        try {
            return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(e -> e.getLevel() + " " + e.getMessage()).collect(Collectors.toList());
        } catch (RuntimeException e) {
            return List.of("(no console: " + e + ")");
        }
    }

    /** @return the severe console messages since the last call (script errors, failed requests) */
    private List<String> errors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy(); // SIGTERM
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
