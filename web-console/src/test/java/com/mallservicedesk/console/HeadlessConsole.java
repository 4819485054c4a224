package com.mallservicedesk.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The console in a headless Chromium, signed in as a development user of the sign-in page (the {@code local} profile),
 * for the pages' tests here and the journeys of the end-to-end tests. The console redraws lists when answers and events
 * arrive, so what a test clicks is found and clicked in one step, again if a redraw replaced it in between
 * ({@link #click}). Closing it prints what the page logged, which helps when a test fails. Needs Debian's chromium and
 * chromium-driver.
 */
public final class HeadlessConsole implements AutoCloseable {

    /** How long a page may take to show what a test waits for. */
    public static final Duration UI = Duration.ofSeconds(30);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Dimension DESKTOP = new Dimension(1440, 900);

    private final WebDriver browser;
    private final String base;

    private HeadlessConsole(WebDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** For a test class's {@code @BeforeAll}: skips the class, saying why, on a machine without the browser. */
    public static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    }

    /** Opens the console on {@code port} of this machine, on a desktop screen, signed in as {@code user}. */
    public static HeadlessConsole signedIn(int port, String user) {
        return signedIn("http://127.0.0.1:" + port, user, DESKTOP);
    }

    /** Opens the console at {@code url} on a screen of {@code size} and signs in with the button {@code sign-in-<user>}. */
    public static HeadlessConsole signedIn(String url, String user, Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        HeadlessConsole console = new HeadlessConsole(new ChromeDriver(service, options), url);
        console.browser.get(url + "/");
        console.click(By.id("sign-in-" + user));
        console.visible(By.id("user-label"));
        return console;
    }

    public WebDriver browser() {
        return browser;
    }

    /** Goes to a view of the console, such as {@code #/dashboard}. */
    public void open(String view) {
        browser.get(base + "/" + view);
    }

    /** The element once it is shown. */
    public WebElement visible(By locator) {
        return visible(locator, UI);
    }

    public WebElement visible(By locator, Duration within) {
        return await().atMost(within).ignoreExceptions().until(() -> browser.findElement(locator), WebElement::isDisplayed);
    }

    /**
     * Clicks the element once it is shown. Found and clicked in one step, and again if the page redrew it in between:
     * a click on a replaced element fails without reaching the page, so nothing is clicked twice.
     */
    public void click(By locator) {
        await().atMost(UI).ignoreExceptions().until(() -> {
            WebElement element = browser.findElement(locator);
            if (!element.isDisplayed()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Waits until the page shows what {@code condition} looks for; a redraw while it looks only means a new look. */
    public void waitFor(Supplier<Boolean> condition) {
        await().atMost(UI).ignoreExceptions().until(condition::get);
    }

    @Override
    public void close() {
        try {
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                System.out.println("[browser] " + entry.getLevel() + " " + entry.getMessage());
            }
        } catch (RuntimeException ignored) {
            // logs are a help, not a requirement
        } finally {
            browser.quit();
        }
    }
}
