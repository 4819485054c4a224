package com.mallservicedesk.console.relay;

import com.mallservicedesk.console.ConsoleClient;
import com.mallservicedesk.console.StubService;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A session lives exactly as long as its token: the live stream ends then, and the next call is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "console.development.token-validity=PT3S")
@ActiveProfiles("local")
class SessionExpiryTest {

    static final StubService SERVICE = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("console.services.dispatch", SERVICE::url);
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Test
    void theStreamEndsWhenTheTokenExpiresAndTheSessionWithIt() {
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn("eric");

        Flux<String> events = browser.get("/console-api/dispatch/malls/M001/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        StepVerifier.create(events)
                .expectNextCount(3)
                .thenConsumeWhile(data -> true)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        browser.get("/console-api/dispatch/malls/M001/work-orders").exchange().expectStatus().isUnauthorized();
        browser.get("/console/me").exchange().expectStatus().isUnauthorized();
    }
}
