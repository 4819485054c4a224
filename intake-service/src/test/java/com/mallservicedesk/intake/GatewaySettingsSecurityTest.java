package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The outbound gateway of notices is an address the service calls with stores' contacts: only https, only hosts the
 * platform allows (the test profile allows {@code sms.example.com} and {@code intranet.example.com}; the test
 * resolver makes the latter a private address), never a private address, set by a manager or the platform, never
 * shown whole, and its failures reported by code only.
 */
class GatewaySettingsSecurityTest extends IntakeIntegrationTest {

    private static final String SETTINGS = "/api/v1/malls/{mall}/settings";

    @Test
    void aSupervisorMayNoLongerPointTheMallAtAGatewayButStillSetsTheRest() {
        String mall = newMall();
        put(TestTokens.supervisor(mall), SETTINGS, settings("https://sms.example.com/send"), mall)
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("gateway-change-forbidden")
                .jsonPath("$.detail").value(d -> assertThat((String) d).isNotBlank());
        put(TestTokens.supervisor(mall), SETTINGS, settings(""), mall).expectStatus().isForbidden();
        put(TestTokens.supervisor(mall), SETTINGS, settings(null), mall).expectStatus().isOk();
    }

    @Test
    void aManagerMaySetOnlyAnAllowedHttpsGatewayThatParsesLiterally() {
        String mall = newMall();
        refused(manager(mall), mall, "https://evil.example.net/send", "host-not-allowed");
        refused(manager(mall), mall, "http://sms.example.com/send", "https-required");
        refused(manager(mall), mall, "https://sms.example.com/send?to={phone}", "not-a-url");
        refused(manager(mall), mall, "ftp://sms.example.com/send", "https-required");
        refused(manager(mall), mall, "not a url", "not-a-url");
        // Allowed by name, but the name resolves to a private address.
        refused(manager(mall), mall, "https://intranet.example.com/send", "non-public-address");
        // Loopback is for development only over the allowed switch; a manager still needs an allowed host.
        refused(manager(mall), mall, "https://10.0.0.5/send", "host-not-allowed");

        put(manager(mall), SETTINGS, settings("https://user:s3cret@sms.example.com:8443/hook/abc?token=t0ken"), mall)
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
                        .contains("\"gatewayUrl\":\"https://sms.example.com:8443/…\"")
                        .contains("\"gatewayConfigured\":true")
                        .doesNotContain("s3cret").doesNotContain("t0ken").doesNotContain("hook"));
    }

    @Test
    void theGatewayIsShownMaskedAndNotAtAllToTheFrontDeskAndKeptWhenOtherSettingsChange() {
        String mall = newMall();
        put(TestTokens.platformAdmin(), SETTINGS, settings("https://sms.example.com/v1/send?key=abc123"), mall)
                .expectStatus().isOk();
        for (String token : List.of(TestTokens.supervisor(mall), manager(mall), TestTokens.platformAdmin())) {
            get(token, SETTINGS, mall).expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
                    .contains("\"gatewayUrl\":\"https://sms.example.com/…\"").doesNotContain("abc123").doesNotContain("v1"));
        }
        get(TestTokens.frontDesk(mall), SETTINGS, mall).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("sms.example.com").contains("\"gatewayConfigured\":true"));

        // Changing the other settings without naming the gateway keeps it.
        put(TestTokens.supervisor(mall), SETTINGS, settings(null), mall).expectStatus().isOk().expectBody()
                .jsonPath("$.gatewayConfigured").isEqualTo(true);
        // An empty address removes it (a manager's decision).
        put(manager(mall), SETTINGS, settings(""), mall).expectStatus().isOk().expectBody()
                .jsonPath("$.gatewayConfigured").isEqualTo(false);
    }

    @Test
    void evenThePlatformCannotPointAGatewayAtPrivateLoopbackOrSpecialAddresses() {
        String mall = newMall();
        for (String url : List.of("https://10.0.0.5/send", "https://172.16.3.4/", "https://192.168.1.10/",
                "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/", "https://224.0.0.1/",
                "https://[fd00::1]/send", "https://[fe80::1]/", "https://[::ffff:192.168.1.1]/", "https://[ff02::1]/",
                "https://[::]/", "https://100.64.0.1/", "https://intranet.example.com/send")) {
            refused(TestTokens.platformAdmin(), mall, url, "non-public-address");
        }
        // The platform is not bound to the allow-list, only to public https addresses.
        put(TestTokens.platformAdmin(), SETTINGS, settings("https://gateway.partner.example/send"), mall)
                .expectStatus().isOk().expectBody().jsonPath("$.gatewayUrl").isEqualTo("https://gateway.partner.example/…");
    }

    @Test
    void theAddressIsUsedLiterallyAndAFailingGatewaysAnswerNeverReachesTheCaller() {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub()) {
            put(TestTokens.platformAdmin(), SETTINGS, settings(gateway.url() + "?sig=a%2Bb%7Bc%7D"), mall).expectStatus().isOk();
            gateway.answer(500, "java.net.ConnectException: db at 10.0.0.7:5432 refused; internal stack trace");
            tenant(mall, "周大福");
            String noticeId = publish(mall);

            await().atMost(shortly()).untilAsserted(() -> assertThat(gateway.calls()).isNotEmpty());
            assertThat(gateway.calls()).allSatisfy(call -> assertThat(call.rawQuery()).isEqualTo("sig=a%2Bb%7Bc%7D"));
            await().atMost(shortly()).untilAsserted(() -> get(TestTokens.frontDesk(mall),
                    "/api/v1/malls/{mall}/notices/{id}/deliveries", mall, noticeId).expectStatus().isOk().expectBody()
                    .jsonPath("$.items[0].state").isEqualTo("FAILED")
                    .jsonPath("$.items[0].lastError").isEqualTo("gateway-unavailable")
                    .jsonPath("$.items[0].lastHttpStatus").isEqualTo(500));
            get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries", mall, noticeId)
                    .expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).doesNotContain("10.0.0.7").doesNotContain("ConnectException"));
        }
    }

    @Test
    void aGatewayStoredBeforeTheseRulesIsNotCalledUnlessItStillPasses() {
        String mall = newMall();
        // What a supervisor could store before: any host at all. It is checked again before every delivery.
        mongo.save(new Document("_id", mall).append("acceptanceLimit", "PT5M").append("duplicateWindow", "PT30M")
                .append("timeZone", "Asia/Shanghai").append("gatewayUrl", "https://evil.example.net/collect"),
                "intake_settings").block();
        tenant(mall, "屈臣氏");
        String noticeId = publish(mall);

        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.frontDesk(mall),
                "/api/v1/malls/{mall}/notices/{id}/deliveries", mall, noticeId).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].state").isEqualTo("FAILED")
                .jsonPath("$.items[0].lastError").isEqualTo("gateway-not-allowed"));
        get(TestTokens.supervisor(mall), SETTINGS, mall).expectStatus().isOk().expectBody()
                .jsonPath("$.gatewayUrl").isEqualTo("https://evil.example.net/…");
    }

    private void refused(String token, String mall, String url, String code) {
        put(token, SETTINGS, settings(url), mall)
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.code").isEqualTo("gateway-url-refused")
                .jsonPath("$.errors[0].field").isEqualTo("gatewayUrl")
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    private static Map<String, Object> settings(String gatewayUrl) {
        var body = new java.util.HashMap<String, Object>(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT30M",
                "timeZone", "Asia/Shanghai"));
        if (gatewayUrl != null) {
            body.put("gatewayUrl", gatewayUrl);
        }
        return body;
    }

    private void tenant(String mall, String name) {
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", Map.of("name", name, "kind", "COUNTER",
                "floor", "1F", "contacts", List.of(Map.of("name", "店長", "phone", "13511112222"))), mall)
                .expectStatus().isCreated();
    }

    private String publish(String mall) {
        return (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "POWER",
                "startsAt", Instant.now().toString(), "endsAt", Instant.now().plusSeconds(3600).toString(),
                "message", "停電"), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }
}
