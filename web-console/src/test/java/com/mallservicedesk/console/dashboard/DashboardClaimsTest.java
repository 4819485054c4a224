package com.mallservicedesk.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.console.ConsolePageTest;
import com.mallservicedesk.console.HeadlessConsole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The supervisors' dashboard in a headless Chromium, against stand-in services: its claims table (理赔阶段 Claims by
 * stage) shows the open stages from one read of the claims service's stage counters per refresh, never a claims list
 * per stage, each stage a link to its list, and a dash for every stage when that read fails.
 */
class DashboardClaimsTest extends ConsolePageTest {

    private static final Duration UI = HeadlessConsole.UI;
    private static final By CLAIM_ROWS = By.cssSelector("#claims-by-stage tr");

    static final DashboardServices SERVICES = new DashboardServices();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("intake", "dispatch", "callback", "claims", "survey")) {
            registry.add("console.services." + service, SERVICES::url);
        }
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @BeforeEach
    void freshServices() {
        SERVICES.forget();
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
        signIn("sam");
        console.open("#/dashboard");
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(By.id("claims-title")).isDisplayed());
    }
}
