package com.mallservicedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.console.HeadlessConsole;
import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each role's main journey through the web console, in a real headless Chromium against the running platform (the
 * service jars and the console jar as processes): the front desk registers and finds a request, the department sees
 * it arrive live and works it, the front desk records the callback and the supervisor sees the figures move. The
 * browser is the console's own page tests' ({@link HeadlessConsole}).
 */
@ExtendWith(InfrastructureAvailable.class)
class ConsoleBrowserTest {

    private static final String MALL = "M701";
    private static final Duration UI = HeadlessConsole.UI;
    private static final Duration FLOW = Duration.ofSeconds(60);

    private static ServiceProcesses platform;
    private static String console;
    private final List<HeadlessConsole> browsers = new ArrayList<>();

    @BeforeAll
    static void startPlatformAndConsole() throws Exception {
        HeadlessConsole.assumeChromium();
        platform = SharedPlatform.withConsole(List.of(MALL));
        console = platform.url("web-console");
        // The mall as a supervisor sets it up: repairs go to engineering, open around the clock; the desk calls back at
        // once (a campus desk on duty 24 hours), so a completed repair is due for its callback right away.
        WebTestClient dispatch = api("dispatch-service", TestTokens.supervisor(MALL));
        dispatch.put().uri("/api/v1/malls/{mall}/departments/ENGINEERING", MALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "工程部", "calendar", Map.of("zone", "Asia/Shanghai", "alwaysOpen", true)))
                .exchange().expectStatus().is2xxSuccessful();
        dispatch.put().uri("/api/v1/malls/{mall}/routing-rules", MALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of(Map.of("kind", "REPAIR", "department", "ENGINEERING")),
                        "defaultDepartment", "CUSTOMER_SERVICE"))
                .exchange().expectStatus().is2xxSuccessful();
        api("callback-service", TestTokens.supervisor(MALL)).put().uri("/api/v1/malls/{mall}/callback-policy", MALL)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("timing", "WITHIN_24H"))
                .exchange().expectStatus().is2xxSuccessful();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(HeadlessConsole::close);
        browsers.clear();
    }

    @Test
    void theFrontDeskRegistersAContactSeesTheDuplicateHintAndFindsTheRequestWithItsTimeline() {
        HeadlessConsole desk = signIn("alice", new Dimension(1280, 900));
        WebDriver page = desk.browser();
        String floor = "F" + UUID.randomUUID().toString().substring(0, 4);
        desk.open("#/register");

        // Registering without a description: the service's problem is shown beside the field, and focus lands there.
        WebElement description = desk.visible(By.name("description"));
        desk.waitFor(() -> description.equals(page.switchTo().activeElement()));
        desk.click(By.id("register-submit"));
        desk.waitFor(() -> "true".equals(description.getAttribute("aria-invalid")));
        WebElement error = page.findElement(By.id(description.getAttribute("id") + "-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isNotBlank();

        // A few keystrokes: type, tab through, Ctrl+Enter registers.
        String first = register(desk, "三樓洗手間水龍頭漏水 🚰", floor, "13800000001");
        assertThat(first).matches(MALL + "-\\d{8}-\\d{4}");
        register(desk, "洗手間漏水，地面濕滑", floor, "13800000002");
        desk.visible(By.id("duplicate-hint"));
        desk.waitFor(() -> {
            String hint = page.findElement(By.id("duplicate-hint")).getText();
            return hint.contains("可能重复 Possible duplicate") && hint.contains(first);
        });
        desk.click(By.id("merge-duplicate"));
        desk.waitFor(() -> page.findElement(By.id("duplicate-hint")).getText().contains("已合并到 Merged into " + first));

        desk.open("#/requests");
        desk.visible(By.name("q")).sendKeys(first, Keys.ENTER);
        desk.click(By.linkText(first));
        desk.waitFor(() -> page.findElement(By.id("timeline")).getText().contains("登记 Registered"));
        assertThat(page.findElement(By.id("request-title")).getText()).contains(first);
        // The merged duplicate shows on the first request's timeline once intake has recorded it.
        await().atMost(UI).ignoreExceptions().until(() -> {
            page.navigate().refresh();
            return desk.visible(By.id("timeline")).getText().contains("合并了重复报告 Duplicate merged in");
        });
    }

    @Test
    void theDepartmentSeesANewOrderArriveLiveAcceptsAndCompletesItOnAPhoneScreen() {
        HeadlessConsole engineering = signIn("eric", new Dimension(390, 844));
        WebDriver phone = engineering.browser();
        engineering.open("#/department");
        engineering.waitFor(() -> phone.findElement(By.id("live-state")).getText().contains("实时 Live"));

        HeadlessConsole desk = signIn("alice", new Dimension(1280, 900));
        desk.open("#/register");
        String number = register(desk, "五樓電梯口燈不亮", "5F", "13800000003");

        String order = ".order[data-number='" + number + "']";
        engineering.visible(By.cssSelector(order), FLOW);
        // Each check reads the card as it is now: the board redraws it as events arrive.
        engineering.waitFor(() -> phone.findElement(By.cssSelector(order)).getAttribute("class").contains("is-new"));
        engineering.waitFor(() -> phone.findElement(By.id("announcer")).getText().contains(number));
        // The service-level clocks count down, and the handling department sees the customer's number in full.
        engineering.waitFor(() -> phone.findElement(By.cssSelector(order + " [data-deadline]")).getText().startsWith("剩"));
        engineering.waitFor(() -> phone.findElement(By.cssSelector(order)).getText().contains("13800000003"));

        engineering.click(By.cssSelector(order + " button.accept"));
        engineering.waitFor(() -> phone.findElement(By.cssSelector(order)).getText().contains("已受理 Accepted"));
        engineering.click(By.cssSelector(order + " button.complete"));
        WebElement summary = engineering.visible(By.cssSelector("dialog textarea[name='summary']"));
        engineering.waitFor(() -> summary.equals(phone.switchTo().activeElement()));
        summary.sendKeys("更換燈管，已試亮");
        engineering.click(By.cssSelector("dialog button[type='submit']"));
        engineering.waitFor(() -> phone.findElements(By.cssSelector(order)).isEmpty());

        String requestId = requestIdOf(number);
        await().atMost(FLOW).untilAsserted(() -> api("intake-service", TestTokens.frontDesk(MALL)).get()
                .uri("/api/v1/malls/{mall}/requests/{id}", MALL, requestId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED"));

        // A major incident is notified to the handling department within a working day (seed 004 信息治理): it shows
        // on the department's console at once and leaves the list when someone there acknowledges it.
        Map<String, Object> major = api("intake-service", TestTokens.frontDesk(MALL)).post()
                .uri("/api/v1/malls/{mall}/requests", MALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE", "kind", "REPAIR", "description", "七樓天花滲水，電線有火花",
                        "location", Map.of("floor", "7F", "zone", "D"), "major", true,
                        "customer", Map.of("name", "陳先生", "phone", "13700002222", "type", "SHOPPER")))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String notification = "//section[@id='notifications']//li[contains(., '" + major.get("number") + "')]";
        engineering.visible(By.xpath(notification), FLOW);
        engineering.waitFor(() -> phone.findElement(By.xpath(notification)).getText().contains("重大事件 Major incident"));
        engineering.click(By.xpath(notification + "//button"));
        engineering.waitFor(() -> phone.findElements(By.xpath(notification)).isEmpty());
    }

    @Test
    void theSupervisorSeesTheFiguresMoveWhenTheFrontDeskRecordsTheCallback() {
        String number = completedRepair("六樓扶手鬆動", "6F");
        HeadlessConsole supervisor = signIn("sam", new Dimension(1440, 900));
        WebDriver dashboard = supervisor.browser();
        supervisor.open("#/dashboard");
        By done = By.cssSelector("#figure-callbacks-done .value");
        supervisor.visible(done, FLOW);
        int before = await().atMost(UI).ignoreExceptions().until(() -> callbacksDone(dashboard.findElement(done).getText()),
                figure -> true);
        // The trend chart is drawn once the last 14 days' summaries are read.
        supervisor.waitFor(() -> !dashboard.findElement(By.id("chart-trend")).findElements(By.tagName("canvas")).isEmpty());

        HeadlessConsole desk = signIn("alice", new Dimension(1280, 900));
        String row = "#callback-queue tr[data-request='" + number + "']";
        await().atMost(FLOW).ignoreExceptions().until(() -> {
            desk.open("#/requests");
            desk.open("#/callbacks");
            return desk.visible(By.cssSelector(row)).isDisplayed();
        });
        desk.click(By.cssSelector(row + " button.attempt"));
        new Select(desk.visible(By.cssSelector("dialog select[name='outcome']"))).selectByValue("REACHED");
        desk.click(By.cssSelector("dialog button[type='submit']"));
        desk.waitFor(() -> desk.browser().findElements(By.tagName("dialog")).isEmpty());
        desk.click(By.cssSelector(row + " button.result"));
        new Select(desk.visible(By.cssSelector("dialog select[name='quality']"))).selectByValue("VERY_SATISFIED");
        desk.click(By.cssSelector("dialog button[type='submit']"));
        desk.waitFor(() -> desk.browser().findElement(By.id("toast")).getText().contains("满意 Recorded: satisfied"));

        await().atMost(FLOW).ignoreExceptions().until(() -> {
            dashboard.findElement(By.id("refresh-dashboard")).click();
            return callbacksDone(dashboard.findElement(done).getText()) > before;
        });
        // The dashboard redraws its cards on every refresh: read the figure from the page as it is now.
        await().atMost(UI).ignoreExceptions().untilAsserted(() ->
                assertThat(dashboard.findElement(By.cssSelector("#figure-callback-rate .value")).getText()).endsWith("%"));
    }

    private static int callbacksDone(String figure) {
        Matcher m = Pattern.compile("(\\d+) / \\d+").matcher(figure);
        assertThat(m.find()).as("figure '%s'", figure).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Types a repair into the register form and registers it with Ctrl+Enter; returns its number. */
    private static String register(HeadlessConsole desk, String text, String floor, String phone) {
        WebDriver page = desk.browser();
        String previous = page.findElements(By.id("registered-number")).stream().map(WebElement::getText)
                .findFirst().orElse("");
        desk.visible(By.name("description")).sendKeys(text);
        page.findElement(By.name("location.floor")).sendKeys(floor);
        page.findElement(By.name("location.zone")).sendKeys("A");
        page.findElement(By.name("customer.name")).sendKeys("王小姐");
        page.findElement(By.name("customer.phone")).sendKeys(phone, Keys.chord(Keys.CONTROL, Keys.ENTER));
        return await().atMost(UI).ignoreExceptions()
                .until(() -> page.findElement(By.id("registered-number")).getText(),
                        number -> number.startsWith(MALL) && !number.equals(previous));
    }

    /** A repair registered, dispatched and completed over the API: the callback is then due. */
    private static String completedRepair(String description, String floor) {
        Map<String, Object> request = api("intake-service", TestTokens.frontDesk(MALL)).post()
                .uri("/api/v1/malls/{mall}/requests", MALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE", "kind", "REPAIR", "description", description,
                        "location", Map.of("floor", floor, "zone", "C"),
                        "customer", Map.of("name", "李先生", "phone", "13700001111", "type", "SHOPPER")))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String workOrder = "wo-" + request.get("id");
        WebTestClient engineering = api("dispatch-service", TestTokens.deptStaff(MALL, "ENGINEERING"));
        await().atMost(FLOW).untilAsserted(() -> engineering.post()
                .uri("/api/v1/malls/{mall}/work-orders/{id}/complete", MALL, workOrder)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("summary", "緊固扶手螺絲"))
                .exchange().expectStatus().isOk());
        return (String) request.get("number");
    }

    private static String requestIdOf(String number) {
        Map<String, Object> page = api("intake-service", TestTokens.frontDesk(MALL)).get()
                .uri("/api/v1/malls/{mall}/requests?q={q}", MALL, number).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return (String) items.stream().filter(r -> number.equals(r.get("number"))).findFirst().orElseThrow().get("id");
    }

    /** A fresh headless Chromium, signed in as the development user; the session cookie is out of the page's reach. */
    private HeadlessConsole signIn(String user, Dimension size) {
        HeadlessConsole browser = HeadlessConsole.signedIn(console, user, size);
        browsers.add(browser);
        assertThat(browser.browser().manage().getCookieNamed("MSD_CONSOLE_SESSION").isHttpOnly()).isTrue();
        return browser;
    }

    private static WebTestClient api(String service, String token) {
        return WebTestClient.bindToServer().baseUrl(platform.url(service)).responseTimeout(Duration.ofSeconds(10))
                .defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }
}
