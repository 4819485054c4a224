package com.mallservicedesk.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The supervisors' dashboard in a headless Chromium, against stand-in services: its claims table (理赔阶段 Claims by
 * stage) shows the open stages from one read of the claims service's stage counters per refresh, never a claims list
 * per stage, each stage a link to its list, and a dash for every stage when that read fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class DashboardClaimsTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration UI = Duration.ofSeconds(20);
    private static final By CLAIM_ROWS = By.cssSelector("#claims-by-stage tr");

    static final DashboardServices SERVICES = new DashboardServices();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("intake", "dispatch", "callback", "claims", "survey")) {
            registry.add("console.services." + service, SERVICES::url);
        }
    }

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @BeforeEach
    void freshServices() {
        SERVICES.forget();
    }

    @AfterEach
    void closeBrowser() {
        if (browser == null) {
            return;
        }
        // What the page logged helps when a test fails; the browser goes either way.
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

    @Test
    void theClaimsTableShowsTheOpenStagesFromOneReadOfTheStageCountersPerRefresh() {
        SERVICES.answerStageCounts("{\"mallId\":\"M001\",\"stages\":{\"IMMEDIATE_ACTION\":3,\"APPLICATION\":1,"
                + "\"HANDLING\":0,\"ADJUSTER_ASSISTANCE\":2,\"ARCHIVED\":12}}");
        signInAsSupervisorAndOpenTheDashboard();

        await().atMost(UI).ignoreExceptions().untilAsserted(() -> assertThat(claimRows()).containsExactly(
                "即时行动 Immediate action | 3 | #/claims/IMMEDIATE_ACTION",
                "索赔申请 Application | 1 | #/claims/APPLICATION",
                "索赔办理 Handling | 0 | #/claims/HANDLING",
                "定损员协助 Adjuster assistance | 2 | #/claims/ADJUSTER_ASSISTANCE"));
        assertThat(SERVICES.claimsCalls()).isNotEmpty().containsOnly(DashboardServices.STAGE_COUNTS);

        int before = SERVICES.claimsCalls().size();
        SERVICES.answerStageCounts("{\"mallId\":\"M001\",\"stages\":{\"IMMEDIATE_ACTION\":2,\"APPLICATION\":2,"
                + "\"HANDLING\":0,\"ADJUSTER_ASSISTANCE\":2,\"ARCHIVED\":12}}");
        browser.findElement(By.id("refresh-dashboard")).click();
        await().atMost(UI).ignoreExceptions().untilAsserted(() -> assertThat(claimRows()).startsWith(
                "即时行动 Immediate action | 2 | #/claims/IMMEDIATE_ACTION",
                "索赔申请 Application | 2 | #/claims/APPLICATION"));
        assertThat(SERVICES.claimsCalls()).hasSizeGreaterThan(before).containsOnly(DashboardServices.STAGE_COUNTS);
    }

    @Test
    void everyStageShowsADashWhenTheStageCountsCannotBeRead() {
        SERVICES.answerStageCounts(null);
        signInAsSupervisorAndOpenTheDashboard();

        await().atMost(UI).ignoreExceptions().untilAsserted(() -> assertThat(claimRows()).containsExactly(
                "即时行动 Immediate action | — | #/claims/IMMEDIATE_ACTION",
                "索赔申请 Application | — | #/claims/APPLICATION",
                "索赔办理 Handling | — | #/claims/HANDLING",
                "定损员协助 Adjuster assistance | — | #/claims/ADJUSTER_ASSISTANCE"));
        assertThat(SERVICES.claimsCalls()).isNotEmpty().containsOnly(DashboardServices.STAGE_COUNTS);
    }

    /** Each row of the claims table as {@code label | count | link}. */
    private List<String> claimRows() {
        return browser.findElements(CLAIM_ROWS).stream().map(row -> {
            WebElement link = row.findElement(By.cssSelector("th a"));
            return link.getText() + " | " + row.findElement(By.tagName("td")).getText() + " | "
                    + link.getDomAttribute("href");
        }).toList();
    }

    /** Signs in on the sign-in page as the development supervisor (mall M001) and opens the dashboard. */
    private void signInAsSupervisorAndOpenTheDashboard() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--window-size=1440,900");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        String console = "http://127.0.0.1:" + port;
        browser.get(console + "/");
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(By.id("sign-in-sam")).isDisplayed());
        browser.findElement(By.id("sign-in-sam")).click();
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(By.id("user-label")).isDisplayed());
        browser.get(console + "/#/dashboard");
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(By.id("claims-title")).isDisplayed());
    }
}
