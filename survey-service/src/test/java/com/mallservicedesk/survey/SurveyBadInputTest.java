package com.mallservicedesk.survey;

import com.mallservicedesk.platform.test.Problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint family of survey with inputs a client can get wrong: each is a 4xx problem in Chinese and English,
 * never a 500. One test per class of input.
 */
class SurveyBadInputTest extends SurveyIntegrationTest {

    private final String mall = newMall();
    private final String supervisor = TestTokens.supervisor(mall);

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> json(HttpMethod method, String path, String token,
                                                                              String body) {
        return client -> client.method(method).uri(raw("/api/v1/malls/" + mall + path))
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> get(String pathAndQuery) {
        return client -> client.get().uri(raw(pathAndQuery.startsWith("/api/") ? pathAndQuery
                : "/api/v1/malls/" + mall + pathAndQuery)).headers(h -> h.setBearerAuth(
                pathAndQuery.startsWith("/api/v1/platform") ? TestTokens.platformAdmin() : supervisor));
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> post(String pathAndQuery) {
        return client -> client.post().uri(raw("/api/v1/malls/" + mall + pathAndQuery)).headers(h -> h.setBearerAuth(supervisor));
    }

    private String openCampaign() {
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(map("period", "2026-H2", "sampleSize", 0))
                .exchange().expectStatus().isCreated();
        return "sv-" + mall + "-2026-H2";
    }

    @Test
    void malformedJsonMissingBodiesAndWrongContentTypes() {
        String id = openCampaign();
        for (var target : List.of(Map.entry(HttpMethod.POST, "/surveys"), Map.entry(HttpMethod.POST, "/surveys/" + id + "/responses"),
                Map.entry(HttpMethod.PUT, "/improvements/imp-x"))) {
            String path = target.getValue();
            Problems.rejected(web, 400, "malformed-request", json(target.getKey(), path, manager(mall), "{\"period\":"));
            Problems.rejected(web, 400, null, client -> client.method(target.getKey()).uri(raw("/api/v1/malls/" + mall + path))
                    .headers(h -> h.setBearerAuth(manager(mall))).contentType(MediaType.APPLICATION_JSON));
            Problems.rejected(web, 415, "unsupported-media-type", client -> client.method(target.getKey())
                    .uri(raw("/api/v1/malls/" + mall + path)).headers(h -> h.setBearerAuth(manager(mall)))
                    .contentType(MediaType.TEXT_PLAIN).bodyValue("period=2026-H2"));
        }
    }

    @Test
    void wrongEnumValuesAndNumbers() {
        String id = openCampaign();
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/surveys/" + id + "/responses", supervisor,
                "{\"respondentId\":\"ENGINEERING\",\"answers\":{\"COOPERATION\":\"MEH\"}}"));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.PUT, "/improvements/imp-x", manager(mall),
                "{\"status\":\"FINISHED\"}"));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/surveys", supervisor,
                "{\"period\":\"2027-H1\",\"sampleSize\":\"many\"}"));
        Problems.rejected(web, 400, null, get("/improvements?status=FINISHED"));
    }

    @Test
    void hugeStrings() {
        String id = openCampaign();
        Problems.rejected(web, 413, "content-too-large", json(HttpMethod.POST, "/surveys", supervisor,
                "{\"period\":\"" + "长".repeat(300_000) + "\",\"sampleSize\":1}"));
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/surveys", supervisor,
                "{\"period\":\"" + "x".repeat(5000) + "\",\"sampleSize\":1}"));
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/surveys", supervisor,
                "{\"period\":\"2027-H1\",\"sampleSize\":1,\"typicalTenants\":[\"" + "x".repeat(5000) + "\"]}"));
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/surveys/" + id + "/responses", supervisor,
                "{\"respondentId\":\"" + "x".repeat(5000) + "\",\"answers\":{\"COOPERATION\":\"SATISFIED\"}}"));
        Map<String, String> answers = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            answers.put("ITEM_" + i, "SATISFIED");
        }
        Problems.rejected(web, 400, "validation-failed", client -> client.post()
                .uri(raw("/api/v1/malls/" + mall + "/surveys/" + id + "/responses")).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(map("respondentId", "ENGINEERING", "answers", answers)));
        Problems.rejected(web, 404, "survey-not-found", get("/surveys/" + "x".repeat(2000)));
        Problems.rejected(web, 400, "invalid-field", get("/satisfaction?department=" + "D".repeat(2000)));
    }

    @Test
    void controlCharactersAndCharactersThePdfFontLacks() throws Exception {
        Problems.rejected(web, 400, "request-rejected", get("/surveys/%00%07"));
        Problems.rejected(web, 400, "request-rejected", get("/reports/monthly/..%2F..%2Freport-settings"));
        Problems.rejected(web, 400, "invalid-field", get("/satisfaction?department=ENG%0AINEERING"));

        // A closed campaign with an item below target has an improvement action whose plan holds lines, tabs, control
        // characters and characters no Chinese font has: the evaluation still renders.
        send("intake.tenants.v1", "mall.intake.tenant.registered.v1", mall, "A1", "A1", map("tenantId", "A1", "name",
                "百货\u0007大店", "kind", "ANCHOR_STORE", "active", true));
        await().untilAsserted(() -> assertThat(web.post().uri("/api/v1/malls/{mall}/surveys", mall)
                .headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("period", "2026-H2", "sampleSize", 0)).exchange().returnResult(String.class)
                .getResponseBody().blockFirst()).contains("\"A1\""));
        String id = "sv-" + mall + "-2026-H2";
        web.post().uri("/api/v1/malls/{mall}/surveys/{id}/responses", mall, id).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("respondentId", "A1", "answers", Map.of("ENVIRONMENT", "VERY_DISSATISFIED"),
                        "comment", "太脏\u0000了 😡"))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/malls/{mall}/surveys/{id}/close", mall, id).headers(h -> h.setBearerAuth(manager(mall)))
                .exchange().expectStatus().isOk();
        web.put().uri("/api/v1/malls/{mall}/improvements/{imp}", mall, "imp-" + id + "-A-ENVIRONMENT")
                .headers(h -> h.setBearerAuth(manager(mall))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("plan", "第一步：加派保洁\n第二步：\t每小时巡查\r\n第三步：\u0007\u001b完成 ✅😀", "owner", "王\u0000经理"))
                .exchange().expectStatus().isOk();
        byte[] pdf = web.get().uri("/api/v1/malls/{mall}/surveys/{id}/evaluation", mall, id).accept(MediaType.APPLICATION_PDF)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("第一步", "第二步", "每小时巡查", "第三步");
        }
    }

    @Test
    void monthsDatesAndWeeksThatDoNotExistOrAreOutOfRange() {
        for (String month : List.of("2026-13", "2026-00", "..%2F", "../", "26-11", "%2B999999999-12", "-999999999-01",
                "1999-12", "2100-01", "2026-1")) {
            Problems.rejected(web, 400, "invalid-field", get("/reports/monthly?month=" + month));
            Problems.rejected(web, 400, "invalid-field", get("/satisfaction?month=" + month));
            Problems.rejected(web, 400, "invalid-field", get("/api/v1/platform/reports/monthly?month=" + month));
        }
        for (String month : List.of("2026-13", "%2B999999999-12", "1999-12")) {
            Problems.rejected(web, 400, "invalid-field", post("/reports/monthly/" + month + "/publish"));
        }
        Problems.rejected(web, 400, "invalid-field", client -> client.get().uri(raw("/api/v1/malls/" + mall
                + "/reports/monthly?month=2026-13")).accept(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).headers(h -> h.setBearerAuth(supervisor)));
        for (String date : List.of("2026-02-30", "2026-13-01", "../", "%2B999999999-12-31", "-999999999-01-01", "1999-12-31",
                "2100-01-01", "tomorrow")) {
            Problems.rejected(web, 400, "invalid-field", get("/reports/daily?date=" + date));
            Problems.rejected(web, 400, "invalid-field", post("/reports/daily/" + date.replace("../", "x") + "/publish"));
        }
        for (String week : List.of("2026-W99", "2026-W00", "%2B999999999-W01", "1999-W52", "2100-W01", "W48", "2026-48")) {
            Problems.rejected(web, 400, "week-invalid", get("/reports/weekly?week=" + week));
            Problems.rejected(web, 400, "week-invalid", post("/reports/weekly/" + week + "/publish"));
        }
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.PUT, "/improvements/imp-x", manager(mall),
                "{\"dueOn\":\"+999999999-12-31\"}"));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.PUT, "/improvements/imp-x", manager(mall),
                "{\"dueOn\":\"2027-02-30\"}"));
    }
}
