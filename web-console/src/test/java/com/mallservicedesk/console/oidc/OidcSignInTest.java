package com.mallservicedesk.console.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.console.WebConsoleApplication;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Production sign-in: with an issuer configured (and no development profile) the console starts, offers only the
 * identity provider, and sends the browser there with state and PKCE, keeping the sign-in in progress bound to the
 * browser by a SameSite=Lax cookie on the callback path (the session cookie itself is Strict).
 */
class OidcSignInTest {

    static DisposableServer provider;
    static ConfigurableApplicationContext console;
    static WebTestClient browser;

    @BeforeAll
    static void start() {
        provider = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/.well-known/openid-configuration", (request, response) -> {
                    String issuer = "http://127.0.0.1:" + request.hostAddress().getPort();
                    return response.header("Content-Type", "application/json").sendString(Mono.just("""
                            {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                             "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                             "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}
                            """.formatted(issuer))).then();
                }))
                .bindNow();
        console = new SpringApplicationBuilder(WebConsoleApplication.class).profiles("production")
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--console.oidc.issuer-uri=http://127.0.0.1:" + provider.port(),
                        "--console.oidc.client-id=mall-console", "--console.oidc.client-secret=s3cret");
        String port = console.getEnvironment().getProperty("local.server.port");
        browser = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        console.close();
        provider.disposeNow();
    }

    @Test
    void offersOnlyTheIdentityProviderAndSendsTheBrowserThereWithStateAndPkce() {
        browser.get().uri("/console/sign-in-options").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.methods.length()").isEqualTo(1)
                .jsonPath("$.methods[0].kind").isEqualTo("oidc")
                .jsonPath("$.methods[0].details.url").isEqualTo("/oauth2/authorization/idp");
        browser.post().uri("/console/development/sign-in").bodyValue("{\"user\":\"alice\"}").exchange()
                .expectStatus().is4xxClientError();

        var result = browser.get().uri("/oauth2/authorization/idp").exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class);
        URI location = result.getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith("http://127.0.0.1:" + provider.port() + "/authorize?")
                .contains("response_type=code", "client_id=mall-console", "state=", "scope=openid%20profile", "nonce=",
                        "redirect_uri=", "code_challenge=", "code_challenge_method=S256");
        ResponseCookie binding = result.getResponseCookies().getFirst(StateBoundAuthorizationRequests.COOKIE);
        assertThat(binding).isNotNull();
        assertThat(binding.getSameSite()).isEqualTo("Lax");
        assertThat(binding.isHttpOnly()).isTrue();
        assertThat(binding.getPath()).isEqualTo("/login/oauth2/");

        // The provider's answer for another browser's sign-in (no binding cookie), or with a state never issued: refused.
        String state = location.getQuery().replaceAll(".*(?:^|&)state=([^&]+).*", "$1");
        browser.get().uri("/login/oauth2/code/idp?code=abc&state=" + state).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/?signInFailed");
        browser.get().uri("/login/oauth2/code/idp?code=abc&state=forged")
                .cookie(StateBoundAuthorizationRequests.COOKIE, binding.getValue()).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/?signInFailed");
        browser.get().uri("/console/me").exchange().expectStatus().isUnauthorized();
    }
}
