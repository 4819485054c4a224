package com.mallservicedesk.callback;

import com.mallservicedesk.platform.test.Problems;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint family with inputs a client can get wrong: each is a 4xx problem in Chinese and English, never a 500.
 * One test per class of input.
 */
class BadInputTest extends CallbackIntegrationTest {

    private final String mall = newMall();
    private final String desk = TestTokens.frontDesk(mall);
    private final String supervisor = TestTokens.supervisor(mall);
    private String id;

    @BeforeEach
    void aCallback() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant());
        id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> json(HttpMethod method, String path, String token,
                                                                              String body) {
        return client -> client.method(method).uri("/api/v1/malls/" + mall + path)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> get(String pathAndQuery, String token) {
        return client -> client.get().uri(raw("/api/v1/malls/" + mall + pathAndQuery)).headers(h -> h.setBearerAuth(token));
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> post(String pathAndQuery, String token) {
        return client -> client.post().uri(raw("/api/v1/malls/" + mall + pathAndQuery)).headers(h -> h.setBearerAuth(token));
    }

    @Test
    void malformedJsonMissingBodiesAndWrongContentTypes() {
        for (var target : List.of(
                Map.entry(HttpMethod.POST, "/callbacks/" + id + "/attempts"),
                Map.entry(HttpMethod.POST, "/callbacks/" + id + "/result"),
                Map.entry(HttpMethod.PUT, "/callback-policy"))) {
            String path = target.getValue();
            Problems.rejected(web, 400, "malformed-request", json(target.getKey(), path, supervisor, "{\"method\":"));
            Problems.rejected(web, 400, "malformed-request", json(target.getKey(), path, supervisor, "[1,2]"));
            Problems.rejected(web, 400, null, client -> client.method(target.getKey()).uri("/api/v1/malls/" + mall + path)
                    .headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON));
            Problems.rejected(web, 415, "unsupported-media-type", client -> client.method(target.getKey())
                    .uri("/api/v1/malls/" + mall + path).headers(h -> h.setBearerAuth(supervisor))
                    .contentType(MediaType.TEXT_PLAIN).bodyValue("method=PHONE"));
            Problems.rejected(web, 415, "unsupported-media-type", client -> client.method(target.getKey())
                    .uri("/api/v1/malls/" + mall + path).headers(h -> h.setBearerAuth(supervisor))
                    .contentType(MediaType.APPLICATION_XML).bodyValue("<method>PHONE</method>"));
        }
    }

    @Test
    void wrongEnumValuesAndNumbersThatAreNotNumbers() {
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/callbacks/" + id + "/attempts", desk,
                "{\"method\":\"FAX\",\"outcome\":\"REACHED\"}"));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/callbacks/" + id + "/result", desk,
                "{\"method\":\"PHONE\",\"timeliness\":\"meh\",\"attitude\":\"SATISFIED\",\"quality\":\"SATISFIED\"}"));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.PUT, "/callback-policy", supervisor,
                "{\"timing\":\"SOMETIME\"}"));
        // A number too large for its field does not even parse: the kit names it a malformed body.
        Problems.rejected(web, 400, "malformed-request", json(HttpMethod.PUT, "/callback-policy", supervisor,
                "{\"timing\":\"NEXT_DAY\",\"dailySampleSize\":99999999999}"));
        Problems.rejected(web, 400, "desk-hours-at-intake", json(HttpMethod.PUT, "/callback-policy", supervisor,
                "{\"timing\":\"NEXT_DAY\",\"desk\":{\"zone\":\"Asia/Shanghai\",\"closedDays\":[\"FUNDAY\"]}}"));
        Problems.rejected(web, 400, "invalid-field", get("/callbacks?kind=WHATEVER", desk));
        Problems.rejected(web, 400, "invalid-field", get("/callbacks?status=DUE,LOST", desk));
    }

    @Test
    void hugeStrings() {
        String big = "長".repeat(300_000);
        Problems.rejected(web, 413, "content-too-large", json(HttpMethod.POST, "/callbacks/" + id + "/attempts", desk,
                "{\"method\":\"PHONE\",\"outcome\":\"REACHED\",\"note\":\"" + big + "\"}"));
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/callbacks/" + id + "/result", desk,
                "{\"method\":\"PHONE\",\"timeliness\":\"SATISFIED\",\"attitude\":\"SATISFIED\",\"quality\":\"SATISFIED\","
                        + "\"comment\":\"" + "x".repeat(5000) + "\"}"));
        Problems.rejected(web, 404, "callback-not-found", get("/callbacks/" + "x".repeat(2000), desk));
        Problems.rejected(web, 400, "invalid-field", get("/callbacks/stats?department=" + "D".repeat(2000), supervisor));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.PUT, "/callback-policy", supervisor,
                "{\"timing\":\"NEXT_DAY\",\"overdueAfter\":\"PT" + "9".repeat(40) + "H\"}"));
    }

    @Test
    void controlCharactersInIdsParametersAndTexts() {
        // The security firewall refuses encoded control characters in paths before any controller runs.
        Problems.rejected(web, 400, "request-rejected", get("/callbacks/%00%07", desk));
        Problems.rejected(web, 400, "invalid-field", get("/callbacks?status=%00", desk));
        Problems.rejected(web, 400, "invalid-field", get("/callbacks/stats?month=2026-1%0A", supervisor));
        Problems.rejected(web, 400, "desk-hours-at-intake", json(HttpMethod.PUT, "/callback-policy", supervisor,
                "{\"timing\":\"NEXT_DAY\",\"desk\":{\"zone\":\"Asia/\\u0000Shanghai\",\"alwaysOpen\":true}}"));
        // Control characters in a note are kept as text (JSON escapes them on the way out): not an error.
        web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/attempts", mall, id).headers(h -> h.setBearerAuth(desk))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"method\":\"PHONE\",\"outcome\":\"REACHED\",\"note\":\"a\\u0000b\\u0007c\\u001b\"}")
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.attempts[0].note").isEqualTo("a\u0000b\u0007c\u001b");
    }

    @Test
    void monthsAndDatesThatDoNotExistOrAreOutOfRange() {
        for (String month : List.of("2026-13", "2026-00", "..%2F", "../", "26-11", "999999999-12", "1999-12", "2100-01",
                "-2026-01", "2026-1")) {
            Problems.rejected(web, 400, "invalid-field", get("/callbacks/stats?month=" + month, supervisor));
            Problems.rejected(web, 400, "invalid-field", get("/callbacks/stats?from=" + month, supervisor));
            Problems.rejected(web, 400, "invalid-field", get("/callbacks/stats?from=2026-01&to=" + month, supervisor));
            Problems.rejected(web, 400, "invalid-field", post("/callbacks/stats/rebuild?month=" + month, supervisor));
        }
        Problems.rejected(web, 400, null, post("/callbacks/stats/rebuild", supervisor));
        for (String date : List.of("2026-02-30", "2026-13-01", "../", "+999999999-12-31x", "tomorrow")) {
            Problems.rejected(web, 400, "invalid-field", post("/callbacks/daily-sample?date=" + date, supervisor));
        }
        Problems.rejected(web, 422, "daily-sample-date-invalid", post("/callbacks/daily-sample?date=%2B999999999-12-31", supervisor));
        Problems.rejected(web, 422, "daily-sample-date-invalid", post("/callbacks/daily-sample?date=-999999999-01-01", supervisor));
        for (String at : List.of("-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z")) {
            Problems.rejected(web, 422, "attempt-time-invalid", json(HttpMethod.POST, "/callbacks/" + id + "/attempts", desk,
                    "{\"method\":\"PHONE\",\"outcome\":\"REACHED\",\"attemptedAt\":\"" + at + "\"}"));
        }
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/callbacks/" + id + "/attempts", desk,
                "{\"method\":\"PHONE\",\"outcome\":\"REACHED\",\"attemptedAt\":\"2026-13-01T00:00:00Z\"}"));
    }

    @Test
    void pathsThatClimbOutOfTheirResource() {
        for (String path : List.of("/callbacks/..%2F..%2Fcallback-policy", "/callbacks/%2E%2E/%2E%2E/callback-policy",
                "/callbacks/..;/callback-policy", "/callbacks/%2e%2e%2fstats")) {
            Problems.rejected(web, 400, "request-rejected", get(path, desk));
        }
    }
}
