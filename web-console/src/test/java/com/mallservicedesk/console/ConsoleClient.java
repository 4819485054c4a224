package com.mallservicedesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A browser's view of the console in tests: signs in as a development user and keeps the session cookie. */
public final class ConsoleClient {

    public static final String SESSION_COOKIE = "MSD_CONSOLE_SESSION";

    private final WebTestClient client;
    private final String base;
    private String session;
    private String csrf;

    public ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = WebTestClient.bindToServer().baseUrl(base)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    public WebTestClient raw() {
        return client;
    }

    /** Signs in and returns the session cookie as the browser got it. */
    public ResponseCookie signIn(String user) {
        ResponseCookie cookie = client.post().uri("/console/development/sign-in").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("user", user)).exchange()
                .expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst(SESSION_COOKIE);
        assertThat(cookie).as("session cookie").isNotNull();
        session = cookie.getValue();
        csrf = (String) client.get().uri("/console/me").cookie(SESSION_COOKIE, session).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("csrfToken");
        return cookie;
    }

    public String session() {
        return session;
    }

    public String csrf() {
        return csrf;
    }

    /** The path and query exactly as given (already encoded, as a browser sends them). */
    public WebTestClient.RequestHeadersSpec<?> get(String uri) {
        return client.get().uri(java.net.URI.create(base + uri)).cookie(SESSION_COOKIE, session);
    }

    public WebTestClient.RequestBodySpec post(String uri, boolean withCsrf) {
        WebTestClient.RequestBodySpec spec = client.post().uri(java.net.URI.create(base + uri)).cookie(SESSION_COOKIE, session);
        return withCsrf ? spec.header("X-CSRF-Token", csrf) : spec;
    }
}
