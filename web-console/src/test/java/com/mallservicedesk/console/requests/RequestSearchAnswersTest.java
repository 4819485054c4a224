package com.mallservicedesk.console.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.console.ConsolePageTest;
import com.mallservicedesk.console.HeadlessConsole;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The reception log answers out of order: the page's first load (the mall's newest requests, the slower list on a large
 * store) is still on its way when the front desk searches for a number, and the search answers first. The late first
 * answer must not be drawn over the search's. A stand-in intake holds the first answer until the test lets it go.
 */
class RequestSearchAnswersTest extends ConsolePageTest {

    private static final Duration UI = HeadlessConsole.UI;
    private static final String LIST = "/api/v1/malls/M001/requests";
    private static final String NEWEST = "M001-20261128-0009";
    private static final String SEARCHED = "M001-20261101-0002";

    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static final Sinks.One<String> FIRST_ANSWER = Sinks.one();
    private static final DisposableServer INTAKE = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                URI uri = URI.create(request.uri());
                CALLS.add(request.uri());
                if (!LIST.equals(uri.getPath())) {
                    return response.status(404).header("Content-Type", "application/problem+json")
                            .sendString(Mono.just("{\"status\":404,\"title\":\"stand-in\"}")).then();
                }
                Mono<String> body = uri.getRawQuery() != null && uri.getRawQuery().contains("q=")
                        ? Mono.just(page(SEARCHED)) : FIRST_ANSWER.asMono();
                return response.status(200).header("Content-Type", "application/json").sendString(body).then();
            }).bindNow();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("intake", "dispatch", "callback", "claims", "survey")) {
            registry.add("console.services." + service, () -> "http://127.0.0.1:" + INTAKE.port());
        }
    }

    @AfterAll
    static void stop() {
        INTAKE.disposeNow();
    }

    @Test
    void aSearchAnsweredBeforeThePagesFirstLoadKeepsItsResults() {
        signIn("alice");
        console.open("#/requests");
        await().atMost(UI).until(() -> CALLS.stream().anyMatch(call -> call.startsWith(LIST) && !call.contains("q=")));
        // Notes, in the page, when the held answer's text has been read and every step after it has run: the page's
        // own code continues in microtasks, which all run before this timer's task.
        ((JavascriptExecutor) browser).executeScript("""
                const text = Response.prototype.text;
                Response.prototype.text = function () {
                  const read = text.call(this);
                  if (!this.url.includes('q=')) read.then(() => setTimeout(() => { window.firstAnswerDrawn = true; }, 0));
                  return read;
                };""");

        browser.findElement(By.name("q")).sendKeys("0002", Keys.ENTER);
        await().atMost(UI).ignoreExceptions().until(() -> browser.findElement(By.linkText(SEARCHED)).isDisplayed());

        FIRST_ANSWER.tryEmitValue(page(NEWEST));
        await().atMost(UI).until(() -> Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("return window.firstAnswerDrawn === true;")));
        String results = browser.findElement(By.id("request-results")).getText();
        assertThat(results).contains(SEARCHED).doesNotContain(NEWEST);
    }

    private static String page(String number) {
        return "{\"items\":[{\"id\":\"r-" + number + "\",\"number\":\"" + number + "\",\"kind\":\"REPAIR\","
                + "\"channel\":\"PHONE\",\"status\":\"REGISTERED\",\"receivedAt\":\"2026-11-28T08:00:00Z\","
                + "\"description\":\"" + number + "\"}],\"page\":0,\"size\":20,\"total\":1}";
    }
}
