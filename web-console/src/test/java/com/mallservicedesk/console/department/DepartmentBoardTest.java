package com.mallservicedesk.console.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.console.ConsolePageTest;
import com.mallservicedesk.console.HeadlessConsole;
import com.mallservicedesk.console.department.DispatchStandIn.Notification;
import com.mallservicedesk.console.department.DispatchStandIn.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The department console in a headless Chromium, against a stand-in dispatch: its board loads dispatch's list of the
 * department's open orders page after page, so every open order is on it however many newer orders the department
 * has had since, and nothing closed or of another department.
 */
class DepartmentBoardTest extends ConsolePageTest {

    private static final Duration UI = HeadlessConsole.UI;
    private static final By CARDS = By.cssSelector("#orders .order");

    static final DispatchStandIn DISPATCH = new DispatchStandIn();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("intake", "dispatch", "callback", "claims", "survey")) {
            registry.add("console.services." + service, DISPATCH::url);
        }
    }

    @AfterAll
    static void stop() {
        DISPATCH.close();
    }

    @BeforeEach
    void freshDispatch() {
        DISPATCH.forget();
    }

    @Test
    void theBoardShowsEveryOpenOrderOfTheDepartmentHoweverManyNewerOrdersCameSince() {
        Instant now = Instant.now();
        List<Order> newestFirst = new ArrayList<>();
        // Today's work, then yesterday's (some of it done), then an order delayed a week ago: more than a page open.
        newestFirst.addAll(DispatchStandIn.orders("wo-new", "ENGINEERING", "ASSIGNED", 150, now));
        newestFirst.addAll(DispatchStandIn.orders("wo-cleaning", "CLEANING", "ASSIGNED", 5, now.minusSeconds(3 * 3600)));
        newestFirst.addAll(DispatchStandIn.orders("wo-done", "ENGINEERING", "COMPLETED", 100, now.minusSeconds(4 * 3600)));
        newestFirst.addAll(DispatchStandIn.orders("wo-yesterday", "ENGINEERING", "ACCEPTED", 60, now.minusSeconds(86_400)));
        newestFirst.add(new Order("wo-old", "ENGINEERING", "DELAYED", now.minusSeconds(7 * 86_400)));
        DISPATCH.hold(newestFirst);

        signInAsEngineeringStaff();

        await().atMost(UI).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElements(CARDS)).hasSize(211));
        List<String> shown = browser.findElements(CARDS).stream().map(card -> card.getDomAttribute("data-id")).toList();
        assertThat(shown).contains("wo-old", "wo-yesterday-59", "wo-yesterday-0", "wo-new-0", "wo-new-149")
                .noneMatch(id -> id.startsWith("wo-done") || id.startsWith("wo-cleaning"))
                .doesNotHaveDuplicates();
        // The department's open orders, two pages of them; never the newest orders of every status.
        String first = DispatchStandIn.LIST + "?department=ENGINEERING&open=true&page=0&size=200";
        String second = DispatchStandIn.LIST + "?department=ENGINEERING&open=true&page=1&size=200";
        assertThat(DISPATCH.listCalls()).containsOnly(first, second).contains(first, second);
    }

    @Test
    void aDepartmentWithOnePageOfOpenOrdersNeedsNoSecondPage() {
        Instant now = Instant.now();
        List<Order> newestFirst = new ArrayList<>(DispatchStandIn.orders("wo-new", "ENGINEERING", "ASSIGNED", 3, now));
        newestFirst.add(new Order("wo-done", "ENGINEERING", "COMPLETED", now.minusSeconds(3600)));
        newestFirst.add(new Order("wo-old", "ENGINEERING", "DELAYED", now.minusSeconds(7 * 86_400)));
        DISPATCH.hold(newestFirst);

        signInAsEngineeringStaff();

        await().atMost(UI).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElements(CARDS)
                .stream().map(card -> card.getDomAttribute("data-id")).toList())
                .containsExactlyInAnyOrder("wo-new-0", "wo-new-1", "wo-new-2", "wo-old"));
        assertThat(DISPATCH.listCalls()).isNotEmpty()
                .containsOnly(DispatchStandIn.LIST + "?department=ENGINEERING&open=true&page=0&size=200");
    }

    @Test
    void theNotificationsShowTheUnacknowledgedOnesEarliestDueFirstAndCountThemAll() {
        Instant now = Instant.now();
        List<Notification> held = new ArrayList<>();
        // Sixty waiting, the earliest due a week ago, and newer ones already acknowledged.
        for (int i = 0; i < 60; i++) {
            held.add(new Notification("ntf-open-" + i, false, now.minusSeconds(7 * 86_400).plusSeconds(i * 3600L)));
        }
        for (int i = 0; i < 30; i++) {
            held.add(new Notification("ntf-done-" + i, true, now.plusSeconds(86_400 + i)));
        }
        DISPATCH.notify(held);

        signInAsEngineeringStaff();

        By items = By.cssSelector("#notifications li");
        await().atMost(UI).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElements(items)).hasSize(50));
        assertThat(browser.findElements(items)).extracting(item -> item.getDomAttribute("id"))
                .startsWith("notification-ntf-open-0", "notification-ntf-open-1")
                .noneMatch(id -> id.startsWith("notification-ntf-done"));
        assertThat(browser.findElement(By.id("notifications-title")).getText()).contains("(60)");
        assertThat(browser.findElement(By.id("notifications-more")).getText()).contains("10");
        assertThat(DISPATCH.calls(DispatchStandIn.NOTIFICATIONS)).isNotEmpty()
                .containsOnly(DispatchStandIn.NOTIFICATIONS + "?acknowledged=false&size=50");
    }

    /** Signs in on the sign-in page as the development engineering staff (mall M001), who start on their console. */
    private void signInAsEngineeringStaff() {
        signIn("eric");
        // Department staff start on their console.
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(By.id("orders")).isDisplayed());
    }
}
