package com.mallservicedesk.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The console in a headless Chromium for the pages' tests, signed in as a development user of the sign-in page (the
 * {@code local} profile). Closing it prints what the page logged, which helps when a test fails. Needs Debian's
 * chromium and chromium-driver.
 */
public final class HeadlessConsole implements AutoCloseable {

    /** How long a page may take to show what a test waits for. */
    public static final Duration UI = Duration.ofSeconds(30);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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

    /** Opens the console on {@code port} and signs in with the button {@code sign-in-<user>}. */
    public static HeadlessConsole signedIn(int port, String user) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--window-size=1440,900");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        HeadlessConsole console = new HeadlessConsole(new ChromeDriver(service, options), "http://127.0.0.1:" + port);
        WebDriver browser = console.browser;
        browser.get(console.base + "/");
        By signIn = By.id("sign-in-" + user);
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(signIn).isDisplayed());
        browser.findElement(signIn).click();
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(By.id("user-label")).isDisplayed());
        return console;
    }

    public WebDriver browser() {
        return browser;
    }

    /** Goes to a view of the console, such as {@code #/dashboard}. */
    public void open(String view) {
        browser.get(base + "/" + view);
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
