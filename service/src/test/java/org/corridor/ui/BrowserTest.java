package org.corridor.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.webjars.WebJarVersionLocator;

import org.corridor.testing.ApiTest;

/**
 * The service on its random port, driven by Debian's headless Chromium through Debian's
 * chromedriver. Nothing is downloaded: both paths are given to Selenium, so Selenium
 * Manager is never asked. When they are missing the tests fail with CI=true and are
 * skipped on a developer's machine (as the MariaDB tests are); {@code .ci/run} installs
 * the packages {@code chromium} and {@code chromium-driver}.
 */
abstract class BrowserTest extends ApiTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Generous: a slow machine must not fail a test. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    protected WebDriver browser;

    @BeforeAll
    static void chromiumIsThere() {
        List<Path> missing = java.util.stream.Stream.of(CHROMIUM, CHROMEDRIVER)
            .filter(p -> !Files.isExecutable(p))
            .toList();
        if (missing.isEmpty()) {
            return;
        }
        String why = "No browser for the browser tests: " + missing + " missing. Install Debian's packages "
                + "chromium and chromium-driver (apt-get install -y chromium chromium-driver).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
    }

    /**
     * One Chromium for the whole run: starting one takes seconds on a busy machine, more
     * than most tests take.
     */
    private static final SharedChromium SHARED = new SharedChromium();

    /**
     * Quits the shared Chromium when JUnit's root context closes, at the end of the run.
     */
    @RegisterExtension
    static final BeforeAllCallback sharedChromiumQuitAtTheEnd = context -> context.getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedChromium.class, k -> SHARED, SharedChromium.class);

    @BeforeEach
    void startBrowser() {
        browser = freshBrowserForEachTest() ? startChromium() : SHARED.driver();
    }

    /**
     * True for a test class that needs a new profile for each test: its numbering of
     * service worker registrations restarts only in a new profile.
     */
    protected boolean freshBrowserForEachTest() {
        return false;
    }

    @AfterEach
    void quitBrowser() {
        if (browser == null) {
            return;
        }
        try {
            // the page's own errors, to explain a failure; quiet when there are none
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()
                        && !entry.getMessage().contains("favicon.ico")) {
                    System.out.println("[browser] " + entry.getLevel() + " " + entry.getMessage());
                }
            }
        }
        catch (RuntimeException e) {
            System.out.println("[browser] no log: " + e.getMessage());
        }
        finally {
            if (freshBrowserForEachTest()) {
                browser.quit();
            }
            else {
                SHARED.forget(url(""));
            }
        }
    }

    private static ChromeDriver startChromium() {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                // the machine's network is closed: without these Chromium keeps trying
                // to reach Google's hosts, which costs seconds at every start
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--disable-quic");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return new ChromeDriver(service, options);
    }

    /**
     * The Chromium the browser tests share. After each test it forgets everything the
     * test left: its tabs (and with them the page, session storage, emulated time zone
     * and media), cookies, the origin's storage (local storage, IndexedDB, service
     * workers, caches), the HTTP cache, permissions, download behaviour and the window's
     * size; each test starts as in a new profile. When forgetting fails (a crashed tab, a
     * dialog that will not close) the browser is quit and the next test starts another.
     */
    private static final class SharedChromium implements ExtensionContext.Store.CloseableResource {

        private ChromeDriver driver;

        private Dimension startSize;

        ChromeDriver driver() {
            if (driver == null) {
                driver = startChromium();
                startSize = driver.manage().window().getSize();
            }
            return driver;
        }

        void forget(String origin) {
            if (driver == null) {
                return;
            }
            try {
                // a new tab has no session storage, emulation or focus of the old ones
                Set<String> used = driver.getWindowHandles();
                driver.switchTo().newWindow(WindowType.TAB);
                String fresh = driver.getWindowHandle();
                for (String handle : used) {
                    driver.switchTo().window(handle).close();
                }
                driver.switchTo().window(fresh);
                driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
                driver.executeCdpCommand("Browser.resetPermissions", Map.of());
                driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
                driver.manage().window().setSize(startSize);
            }
            catch (RuntimeException e) {
                System.out.println("[browser] starting another for the next test: " + e.getMessage());
                close();
            }
        }

        @Override
        public void close() {
            if (driver != null) {
                try {
                    driver.quit();
                }
                finally {
                    driver = null;
                }
            }
        }

    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Signs in through the sign-in page, as a person at the school would, and waits for
     * the screen their role lands on to show their name in the bar.
     */
    protected void signIn(String who) {
        browser.get(url("/login"));
        WebElement email = await("the sign-in form",
                b -> b.findElement(By.id("password-form")).isDisplayed() ? b.findElement(By.name("username")) : null);
        email.sendKeys(who + "@corridor.test");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        await("the landing page after signing in as " + who,
                // the name's text, shown or not: at a phone's width it is in the closed
                // menu
                b -> !b.getCurrentUrl().contains("/login")
                        && !b.findElement(By.id("who")).getAttribute("textContent").isBlank());
    }

    /** Waits until {@code condition} gives something other than null or false. */
    protected <T> T await(String what, Function<WebDriver, T> condition) {
        // The screens re-render their lists on every refresh, so an element found a
        // moment ago may be gone.
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
            .withMessage(() -> what + "; the page shows: " + visibleText())
            .until(condition);
    }

    /**
     * The element the selector finds, once it is displayed and its text contains
     * {@code text}.
     */
    protected WebElement awaitText(String what, By selector, String text) {
        return await(what,
                b -> b.findElements(selector)
                    .stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(text))
                    .findFirst()
                    .orElse(null));
    }

    /**
     * Runs axe-core (the WebJar on the test classpath, version pinned in the parent pom)
     * on the page as it is now, and fails on any serious or critical violation, naming
     * the rule and the elements. Call it once the state worth checking is on screen: axe
     * sees only what is rendered.
     */
    protected void assertNoSeriousAxeViolations(String what) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(Axe.SOURCE);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.executeAsyncScript(
                """
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { resultTypes: ['violations'] })
                          .then(r => done(r.violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => `${v.id} (${v.impact}): ${v.help}; at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)))
                          .catch(e => done([`axe-core did not run: ${e}`]));
                        """);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core finds serious or critical violations on " + what + ":\n  "
                    + String.join("\n  ", violations));
        }
    }

    /**
     * Pictures of the page as it is now at a phone's width (390 px) and a laptop's (1366
     * px), in target/screenshots/{name}-390.png and -1366.png, to look at (and for the
     * guides); the window is left at the laptop's width.
     */
    protected void screenshots(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                Thread.sleep(300); // one frame of layout after the resize
                Files.write(folder.resolve(name + "-" + width + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The axe-core script, read once from its WebJar. */
    private static final class Axe {

        static final String SOURCE = read(new WebJarVersionLocator().fullPath("axe-core", "axe.min.js"));

        private static String read(String path) {
            if (path == null) {
                throw new IllegalStateException("axe-core is not on the test classpath (org.webjars.npm:axe-core)");
            }
            try (InputStream in = BrowserTest.class.getClassLoader().getResourceAsStream(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

    }

    private String visibleText() {
        try {
            return browser.findElement(By.tagName("body")).getText();
        }
        catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

}
