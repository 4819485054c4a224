package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Whatever a caller sends, the answer is a 4xx problem naming what is wrong, never a 500. */
class BadInputTest extends IntakeIntegrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void brokenOrMissingBodiesAreBadRequests() {
        String mall = newMall();
        String id = (String) repair(mall, "1F", "A", "13800000091").get("id");
        for (String body : List.of("{\"channel\":", "[1,2]", "null", "\"text\"", "{} {}", "{\"channel\":\"PHONE\",}",
                "[".repeat(5000) + "]".repeat(5000))) {
            raw(HttpMethod.POST, "/api/v1/malls/" + mall + "/requests", MediaType.APPLICATION_JSON, body)
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(PROBLEM);
        }
        // Bytes that are not UTF-8 at all.
        web.post().uri("/api/v1/malls/{mall}/requests", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'})
                .exchange().expectStatus().isBadRequest();
        for (var call : List.of(
                Map.entry(HttpMethod.POST, "/requests"),
                Map.entry(HttpMethod.POST, "/requests/" + id + "/cancel"),
                Map.entry(HttpMethod.POST, "/requests/" + id + "/merge"),
                Map.entry(HttpMethod.POST, "/channels/WECHAT/messages"),
                Map.entry(HttpMethod.POST, "/tenants"),
                Map.entry(HttpMethod.POST, "/notices"),
                Map.entry(HttpMethod.PUT, "/settings"))) {
            raw(call.getKey(), "/api/v1/malls/" + mall + call.getValue(), MediaType.APPLICATION_JSON, null)
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(PROBLEM);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeAndNonJsonAnswersAreNotAcceptable() {
        String mall = newMall();
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML)) {
            raw(HttpMethod.POST, "/api/v1/malls/" + mall + "/requests", type, "channel=PHONE")
                    .expectStatus().isEqualTo(415).expectHeader().contentTypeCompatibleWith(PROBLEM)
                    .expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
        }
        // Form data is refused by the framework before the body is read; the kit answers it with its generic code.
        raw(HttpMethod.POST, "/api/v1/malls/" + mall + "/requests", MediaType.APPLICATION_FORM_URLENCODED, "channel=PHONE")
                .expectStatus().isEqualTo(415).expectHeader().contentTypeCompatibleWith(PROBLEM);
        web.get().uri("/api/v1/malls/{mall}/requests", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .accept(MediaType.APPLICATION_XML).exchange().expectStatus().isEqualTo(406);
    }

    @Test
    void unknownEnumValuesAreNamedFieldByField() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PIGEON", "kind", "REPAIR",
                "description", "x"), mall).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("invalid-field").jsonPath("$.errors[0].field").isEqualTo("channel");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "REPAIR",
                "description", "x", "customer", Map.of("type", "ALIEN")), mall).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("customer.type");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", Map.of("name", "x", "kind", "KIOSK", "floor", "1F"),
                mall).expectStatus().isBadRequest();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "GAS", "message", "x",
                "startsAt", Instant.now().toString(), "endsAt", Instant.now().plusSeconds(60).toString()), mall)
                .expectStatus().isBadRequest();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/PIGEON/messages", Map.of("description", "x"), mall)
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(PROBLEM);
        for (String query : List.of("status=LOST", "kind=x", "channel=CARRIER_PIGEON", "from=yesterday",
                "to=2026-13-01T00:00:00Z")) {
            get(TestTokens.frontDesk(mall), "/api/v1/malls/" + mall + "/requests?" + query).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(PROBLEM);
        }
        get(TestTokens.frontDesk(mall), "/api/v1/malls/" + mall + "/tenants?kind=KIOSK&active=maybe")
                .expectStatus().isBadRequest();
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/settings", Map.of("acceptanceLimit", "five minutes",
                "duplicateWindow", "PT1M", "timeZone", "UTC"), mall).expectStatus().isBadRequest();
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/settings", Map.of("acceptanceLimit", "PT5M",
                "duplicateWindow", "PT99999999999999999H", "timeZone", "UTC"), mall).expectStatus().isBadRequest();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "CONSULTATION",
                "description", "x", "answeredOnSpot", "perhaps"), mall).expectStatus().isBadRequest();
    }

    @Test
    void controlCharactersInTextAreRefusedFieldByField() {
        String mall = newMall();
        String id = (String) repair(mall, "1F", "B", "13800000092").get("id");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "REPAIR",
                "description", "漏水\u0000\u001b[31m", "customer", Map.of("name", "王\n小姐"),
                "location", Map.of("floor", "1F\u0007")), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString())
                        .contains("description", "customer.name", "location.floor"))
                .jsonPath("$.errors[*].code").value(c -> assertThat(c.toString()).contains("PlainText"));
        // Line breaks and tabs are fine in long text.
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "REPAIR",
                "description", "第一行\n第二行\t完", "anonymous", true), mall).expectStatus().isCreated();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "x\u0000"), mall, id)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", Map.of("name", "店\u001b", "kind", "COUNTER",
                "floor", "1F", "contacts", List.of(Map.of("name", "店長\u0000"))), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("name", "contacts[0].name"));
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "POWER", "message", "停電\u0000",
                "floors", List.of("1F\u0000"), "startsAt", Instant.now().toString(),
                "endsAt", Instant.now().plusSeconds(60).toString()), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("message", "floors[0]"));
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?q={q}", mall, "漏\u0000水")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void hugeTextsAndParametersAreRefusedNotStored() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "REPAIR",
                "description", "漏".repeat(2001)), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("description");
        // Far beyond any field's limit: refused before it is read whole.
        String body = "{\"channel\":\"PHONE\",\"kind\":\"REPAIR\",\"description\":\"" + "x".repeat(2_000_000) + "\"}";
        var answer = raw(HttpMethod.POST, "/api/v1/malls/" + mall + "/requests", MediaType.APPLICATION_JSON, body)
                .expectHeader().contentTypeCompatibleWith(PROBLEM).returnResult(String.class);
        assertThat(answer.getStatus().value()).isIn(400, 413);
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?q={q}", mall, "漏".repeat(201))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?department={d}", mall, "D".repeat(41))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("department");
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants?floor={f}", mall, "F".repeat(21))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("floor");
        var tooManyContacts = new HashMap<String, Object>(Map.of("name", "店", "kind", "COUNTER", "floor", "1F"));
        tooManyContacts.put("contacts", java.util.Collections.nCopies(21, Map.of("name", "x")));
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", tooManyContacts, mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("contacts");
    }

    @Test
    void timesOutsideWhatCanBeStoredAreRefusedFieldByField() {
        String mall = newMall();
        for (String when : List.of("-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1899-12-31T23:59:59Z")) {
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "REPAIR",
                    "description", "x", "receivedAt", when), mall)
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("receivedAt");
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/QQ/messages", Map.of("description", "x",
                    "receivedAt", when), mall)
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("receivedAt");
            get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?from={from}", mall, when)
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        }
        for (String when : List.of("+999999999-12-31T23:59:59Z", "9999-01-01T00:00:00Z")) {
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "POWER", "message", "停電",
                    "startsAt", Instant.now().toString(), "endsAt", when), mall)
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("endsAt");
            get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?to={to}", mall, when)
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        }
    }

    @Test
    void problemsAreWrittenInEnglishWhenAskedFor() {
        String mall = newMall();
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/settings", Map.of("acceptanceLimit", "PT5M",
                "duplicateWindow", "PT5M", "timeZone", "UTC", "gatewayUrl", "https://sms.example.com/"), mall)
                .expectStatus().isForbidden().expectBody(String.class)
                .value(body -> assertThat(body).containsPattern("[\\u4e00-\\u9fff]"));
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT5M", "timeZone", "UTC",
                        "gatewayUrl", "https://sms.example.com/"))
                .exchange().expectStatus().isForbidden().expectBody()
                .jsonPath("$.title").value(t -> assertThat((String) t).doesNotContainPattern("[\\u4e00-\\u9fff]").isNotBlank())
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("manager"));
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(manager(mall)))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT5M", "timeZone", "UTC",
                        "gatewayUrl", "https://evil.example.net/"))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("allow"));
    }

    private WebTestClient.ResponseSpec raw(HttpMethod method, String uri, MediaType type, String body) {
        String mall = uri.split("/")[4];
        // Settings are changed by supervisors; everything else here by the front desk.
        String token = uri.endsWith("/settings") ? TestTokens.supervisor(mall) : TestTokens.frontDesk(mall);
        var spec = web.method(method).uri(uri).headers(h -> h.setBearerAuth(token));
        if (body == null) {
            return spec.contentType(type).exchange();
        }
        return spec.contentType(type).bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }
}
