package com.mallservicedesk.console.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.console.ConsoleClient;
import com.mallservicedesk.console.StubService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The relay as a browser meets it: session cookie, CSRF token, bearer token to the service, bodies and streams. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ConsoleRelayTest {

    static final String SECRET = "mall-service-desk-development-secret-do-not-use-in-production";
    static final StubService SERVICE = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("console.services.intake", SERVICE::url);
        // Nothing listens here: the relay answers 502 instead of hanging.
        registry.add("console.services.claims", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    ConsoleClient browser;

    @BeforeEach
    void browser() {
        browser = new ConsoleClient(port);
    }

    @Test
    void withoutASessionNothingIsRelayedAndThePagesStayPublic() {
        browser.raw().get().uri("/console-api/intake/malls/M001/requests").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("console-signed-out");
        browser.raw().get().uri("/console/me").exchange().expectStatus().isUnauthorized();
        browser.raw().get().uri("/console-api/intake/malls/M001/requests").cookie(ConsoleClient.SESSION_COOKIE, "forged")
                .exchange().expectStatus().isUnauthorized();
        browser.raw().get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*frame-ancestors 'none'.*");
        browser.raw().get().uri("/js/app.js").exchange().expectStatus().isOk();
        browser.raw().get().uri("/webjars/echarts/5.3.1/dist/echarts.esm.min.js").exchange().expectStatus().isOk();
        browser.raw().get().uri("/console/sign-in-options").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.methods[0].kind").isEqualTo("development")
                .jsonPath("$.methods[0].details.users[?(@.id == 'eric')].department").isEqualTo(List.of("ENGINEERING"));
    }

    @Test
    void signingInGivesAnHttpOnlyStrictCookieAndTheServiceGetsTheUsersDevelopmentToken() {
        ResponseCookie cookie = browser.signIn("eric");

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        browser.get("/console/me").exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.user.id").isEqualTo("eric")
                .jsonPath("$.user.department").isEqualTo("ENGINEERING")
                .jsonPath("$.user.malls").isEqualTo(List.of("M001", "M002"))
                .jsonPath("$.accessToken").doesNotExist();

        Map<?, ?> echo = browser.get("/console-api/intake/malls/M001/requests?q=%E6%BC%8F%E6%B0%B4&size=5")
                .header("Accept-Language", "en").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "7")
                .expectHeader().valueEquals("Link", "</console-api/intake/malls/M001/callbacks?page=1>; rel=\"next\"")
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(echo.get("uri")).isEqualTo("/api/v1/malls/M001/requests?q=%E6%BC%8F%E6%B0%B4&size=5");
        assertThat(echo.get("cookie")).as("the browser's cookies stay with the console").isNull();
        assertThat(echo.get("acceptLanguage")).isEqualTo("en");
        Jwt token = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build()
                .decode(((String) echo.get("authorization")).substring("Bearer ".length()));
        assertThat(token.getSubject()).isEqualTo("eric");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("DEPT_STAFF");
        assertThat(token.getClaimAsString("dept")).isEqualTo("ENGINEERING");
        assertThat(token.getClaimAsStringList("malls")).containsExactly("M001", "M002");
        assertThat(token.getAudience()).containsExactly("mall-service-desk");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aStateChangingCallNeedsTheSessionsCsrfToken() {
        browser.signIn("alice");

        browser.post("/console-api/intake/malls/M001/requests", false).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"description\":\"漏水\"}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("csrf-token-invalid");
        browser.post("/console-api/intake/malls/M001/requests", false).header("X-CSRF-Token", "guessed")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();

        browser.post("/console-api/intake/malls/M001/requests", true).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-1")
                .bodyValue("{\"description\":\"三樓漏水 🚰\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.body").isEqualTo("{\"description\":\"三樓漏水 🚰\"}")
                .jsonPath("$.idempotencyKey").isEqualTo("key-1")
                .jsonPath("$.csrf").doesNotExist();
    }

    @Test
    void onlyTheConfiguredServicesUnderApiV1AreReachable() {
        browser.signIn("alice");

        browser.get("/console-api/billing/malls/M001/x").exchange().expectStatus().isNotFound();
        // Refused before anything is relayed: by the firewall (400) or by the relay (404).
        browser.get("/console-api/intake/%2e%2e/actuator/health").exchange().expectStatus().is4xxClientError();
        browser.get("/console-api/intake/malls%2fM001").exchange().expectStatus().is4xxClientError();
        browser.get("/console-api/intake/malls/./M001").exchange().expectStatus().is4xxClientError();
        browser.get("/console-api/intake/malls/M001/missing").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.uri").isEqualTo("/api/v1/malls/M001/missing");
        browser.get("/console-api/claims/malls/M001/claims").exchange().expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
    }

    @Test
    void aLiveStreamIsRelayedAsItHappensResumesFromLastEventIdAndEndsWhenTheUserSignsOut() {
        browser.signIn("eric");

        Flux<String> events = browser.get("/console-api/intake/malls/M001/stream").header("Last-Event-ID", "41")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class).getResponseBody();

        StepVerifier.create(events)
                .assertNext(data -> assertThat(data).contains("\"n\":0", "\"lastEventId\":\"41\""))
                .assertNext(data -> assertThat(data).contains("\"n\":1"))
                .then(() -> browser.post("/console/sign-out", true).exchange().expectStatus().isNoContent())
                .thenConsumeWhile(data -> true)
                .expectComplete()
                .verify(Duration.ofSeconds(15));
        browser.get("/console/me").exchange().expectStatus().isUnauthorized();
    }
}
