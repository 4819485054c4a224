package com.mallservicedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestTokens;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each role's main journey through the web console, in a real headless Chromium against the running platform (the
 * service jars and the console jar as processes): the front desk registers and finds a request, the department sees
 * it arrive live and works it, the front desk records the callback and the supervisor sees the figures move.
 */
@ExtendWith(InfrastructureAvailable.class)
class ConsoleBrowserTest {

    private static final String MALL = "M701";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration UI = Duration.ofSeconds(20);
    private static final Duration FLOW = Duration.ofSeconds(60);

    private static ServiceProcesses platform;
    private static String console;
    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void startPlatformAndConsole() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
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
        for (WebDriver browser : browsers) {
            // What the page logged helps when a journey fails; the browser goes either way.
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
        browsers.clear();
    }

    @Test
    void theFrontDeskRegistersAContactSeesTheDuplicateHintAndFindsTheRequestWithItsTimeline() {
        WebDriver desk = signIn("alice", new Dimension(1280, 900));
        String floor = "F" + UUID.randomUUID().toString().substring(0, 4);
        desk.get(console + "/#/register");

        // Registering without a description: the service's problem is shown beside the field, and focus lands there.
        WebElement description = visible(desk, By.name("description"));
        waitFor(() -> description.equals(desk.switchTo().activeElement()));
        desk.findElement(By.id("register-submit")).click();
        waitFor(() -> "true".equals(description.getAttribute("aria-invalid")));
        WebElement error = desk.findElement(By.id(description.getAttribute("id") + "-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isNotBlank();

        // A few keystrokes: type, tab through, Ctrl+Enter registers.
        String first = register(desk, "三樓洗手間水龍頭漏水 🚰", floor, "13800000001");
        assertThat(first).matches(MALL + "-\\d{8}-\\d{4}");
        register(desk, "洗手間漏水，地面濕滑", floor, "13800000002");
        WebElement hint = visible(desk, By.id("duplicate-hint"));
        assertThat(hint.getText()).contains("可能重复 Possible duplicate", first);
        desk.findElement(By.id("merge-duplicate")).click();
        waitFor(() -> desk.findElement(By.id("duplicate-hint")).getText().contains("已合并到 Merged into " + first));

        desk.get(console + "/#/requests");
        WebElement q = visible(desk, By.name("q"));
        q.sendKeys(first, Keys.ENTER);
        visible(desk, By.linkText(first)).click();
        waitFor(() -> desk.findElement(By.id("timeline")).getText().contains("登记 Registered"));
        assertThat(desk.findElement(By.id("request-title")).getText()).contains(first);
        // The merged duplicate shows on the first request's timeline once intake has recorded it.
        await().atMost(UI).ignoreExceptions().until(() -> {
            desk.navigate().refresh();
            return visible(desk, By.id("timeline")).getText().contains("合并了重复报告 Duplicate merged in");
        });
    }

    @Test
    void theDepartmentSeesANewOrderArriveLiveAcceptsAndCompletesItOnAPhoneScreen() {
        WebDriver engineering = signIn("eric", new Dimension(390, 844));
        engineering.get(console + "/#/department");
        waitFor(() -> engineering.findElement(By.id("live-state")).getText().contains("实时 Live"));

        WebDriver desk = signIn("alice", new Dimension(1280, 900));
        desk.get(console + "/#/register");
        String number = register(desk, "五樓電梯口燈不亮", "5F", "13800000003");

        By order = By.cssSelector(".order[data-number='" + number + "']");
        WebElement card = visible(engineering, order, FLOW);
        assertThat(card.getAttribute("class")).contains("is-new");
        waitFor(() -> engineering.findElement(By.id("announcer")).getText().contains(number));
        // The service-level clocks count down, and the handling department sees the customer's number in full.
        assertThat(card.findElements(By.cssSelector("[data-deadline]"))).isNotEmpty();
        waitFor(() -> engineering.findElement(order).findElement(By.cssSelector("[data-deadline]")).getText()
                .startsWith("剩"));
        assertThat(card.getText()).contains("13800000003");

        engineering.findElement(order).findElement(By.cssSelector("button.accept")).click();
        waitFor(() -> engineering.findElement(order).getText().contains("已受理 Accepted"));
        engineering.findElement(order).findElement(By.cssSelector("button.complete")).click();
        WebElement summary = visible(engineering, By.cssSelector("dialog textarea[name='summary']"));
        waitFor(() -> summary.equals(engineering.switchTo().activeElement()));
        summary.sendKeys("更換燈管，已試亮");
        engineering.findElement(By.cssSelector("dialog button[type='submit']")).click();
        waitFor(() -> engineering.findElements(order).isEmpty());

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
        By notification = By.xpath("//section[@id='notifications']//li[contains(., '" + major.get("number") + "')]");
        WebElement item = visible(engineering, notification, FLOW);
        assertThat(item.getText()).contains("重大事件 Major incident");
        item.findElement(By.tagName("button")).click();
        waitFor(() -> engineering.findElements(notification).isEmpty());
    }

    @Test
    void theSupervisorSeesTheFiguresMoveWhenTheFrontDeskRecordsTheCallback() {
        String number = completedRepair("六樓扶手鬆動", "6F");
        WebDriver supervisor = signIn("sam", new Dimension(1440, 900));
        supervisor.get(console + "/#/dashboard");
        WebElement done = visible(supervisor, By.cssSelector("#figure-callbacks-done .value"), FLOW);
        int before = callbacksDone(done.getText());
        // The trend chart is drawn once the last 14 days' summaries are read.
        waitFor(() -> !supervisor.findElement(By.id("chart-trend")).findElements(By.tagName("canvas")).isEmpty());

        WebDriver desk = signIn("alice", new Dimension(1280, 900));
        By row = By.cssSelector("#callback-queue tr[data-request='" + number + "']");
        await().atMost(FLOW).ignoreExceptions().until(() -> {
            desk.get(console + "/#/requests");
            desk.get(console + "/#/callbacks");
            return visible(desk, row).isDisplayed();
        });
        desk.findElement(row).findElement(By.cssSelector("button.attempt")).click();
        new Select(visible(desk, By.cssSelector("dialog select[name='outcome']"))).selectByValue("REACHED");
        desk.findElement(By.cssSelector("dialog button[type='submit']")).click();
        waitFor(() -> desk.findElements(By.tagName("dialog")).isEmpty());
        visible(desk, row).findElement(By.cssSelector("button.result")).click();
        new Select(visible(desk, By.cssSelector("dialog select[name='quality']"))).selectByValue("VERY_SATISFIED");
        desk.findElement(By.cssSelector("dialog button[type='submit']")).click();
        waitFor(() -> desk.findElement(By.id("toast")).getText().contains("满意 Recorded: satisfied"));

        await().atMost(FLOW).ignoreExceptions().until(() -> {
            supervisor.findElement(By.id("refresh-dashboard")).click();
            return callbacksDone(supervisor.findElement(By.cssSelector("#figure-callbacks-done .value")).getText()) > before;
        });
        // The dashboard redraws its cards on every refresh: read the figure from the page as it is now.
        await().atMost(UI).ignoreExceptions().untilAsserted(() ->
                assertThat(supervisor.findElement(By.cssSelector("#figure-callback-rate .value")).getText()).endsWith("%"));
    }

    private static int callbacksDone(String figure) {
        Matcher m = Pattern.compile("(\\d+) / \\d+").matcher(figure);
        assertThat(m.find()).as("figure '%s'", figure).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Types a repair into the register form and registers it with Ctrl+Enter; returns its number. */
    private static String register(WebDriver desk, String text, String floor, String phone) {
        String previous = desk.findElements(By.id("registered-number")).stream().map(WebElement::getText)
                .findFirst().orElse("");
        WebElement description = visible(desk, By.name("description"));
        description.sendKeys(text);
        desk.findElement(By.name("location.floor")).sendKeys(floor);
        desk.findElement(By.name("location.zone")).sendKeys("A");
        desk.findElement(By.name("customer.name")).sendKeys("王小姐");
        desk.findElement(By.name("customer.phone")).sendKeys(phone, Keys.chord(Keys.CONTROL, Keys.ENTER));
        return await().atMost(UI).ignoreExceptions()
                .until(() -> desk.findElement(By.id("registered-number")).getText(),
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

    /** A fresh headless Chromium, signed in as the development user. */
    private WebDriver signIn(String user, Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        browser.get(console + "/");
        visible(browser, By.id("sign-in-" + user)).click();
        waitFor(() -> browser.findElement(By.id("user-label")).isDisplayed());
        assertThat(browser.manage().getCookieNamed("MSD_CONSOLE_SESSION").isHttpOnly()).isTrue();
        return browser;
    }

    private static WebElement visible(WebDriver browser, By locator) {
        return visible(browser, locator, UI);
    }

    private static WebElement visible(WebDriver browser, By locator, Duration within) {
        return await().atMost(within).ignoreExceptions()
                .until(() -> browser.findElement(locator), WebElement::isDisplayed);
    }

    private static void waitFor(Supplier<Boolean> condition) {
        await().atMost(UI).ignoreExceptions().until(condition::get);
    }

    private static WebTestClient api(String service, String token) {
        return WebTestClient.bindToServer().baseUrl(platform.url(service)).responseTimeout(Duration.ofSeconds(10))
                .defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }
}
