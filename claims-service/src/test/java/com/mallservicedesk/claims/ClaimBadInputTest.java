package com.mallservicedesk.claims;

import com.mallservicedesk.platform.test.Problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every endpoint family of claims with inputs a client can get wrong: each is a 4xx problem in Chinese and English,
 * never a 500. One test per class of input.
 */
class ClaimBadInputTest extends ClaimsIntegrationTest {

    private final String mall = newMall();
    private final String supervisor = TestTokens.supervisor(mall);
    private String id;

    @BeforeEach
    void aClaim() {
        id = (String) register(mall, slipFacts()).get("id");
    }

    /** The JSON bodies of claims, each with the path it is sent to and who may send it. */
    private List<Map.Entry<HttpMethod, String>> jsonEndpoints() {
        String claim = "/claims/" + id;
        return List.of(Map.entry(HttpMethod.POST, "/claims"), Map.entry(HttpMethod.PUT, claim + "/facts"),
                Map.entry(HttpMethod.PUT, claim + "/handler"), Map.entry(HttpMethod.POST, claim + "/checklist/AMBULANCE_CALLED"),
                Map.entry(HttpMethod.POST, claim + "/stage"), Map.entry(HttpMethod.POST, claim + "/linked-requests"),
                Map.entry(HttpMethod.POST, claim + "/insurer-report/phone"), Map.entry(HttpMethod.POST, claim + "/advances"),
                Map.entry(HttpMethod.POST, claim + "/witnesses"), Map.entry(HttpMethod.POST, claim + "/costs"),
                Map.entry(HttpMethod.PUT, "/insurance-policy"));
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> json(HttpMethod method, String path, String body) {
        String token = path.equals("/insurance-policy") ? manager(mall) : supervisor;
        return client -> client.method(method).uri(raw("/api/v1/malls/" + mall + path))
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> get(String pathAndQuery) {
        return client -> client.get().uri(raw("/api/v1/malls/" + mall + pathAndQuery)).headers(h -> h.setBearerAuth(supervisor));
    }

    private Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> upload(MultipartBodyBuilder parts) {
        return client -> client.post().uri(raw("/api/v1/malls/" + mall + "/claims/" + id + "/evidence"))
                .headers(h -> h.setBearerAuth(frontDesk(mall))).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build()));
    }

    @Test
    void malformedJsonMissingBodiesAndWrongContentTypes() {
        for (var endpoint : jsonEndpoints()) {
            HttpMethod method = endpoint.getKey();
            String path = endpoint.getValue();
            String token = path.equals("/insurance-policy") ? manager(mall) : supervisor;
            Problems.rejected(web, 400, "malformed-request", json(method, path, "{\"account\":"));
            Problems.rejected(web, 400, null, client -> client.method(method).uri(raw("/api/v1/malls/" + mall + path))
                    .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON));
            Problems.rejected(web, 415, "unsupported-media-type", client -> client.method(method)
                    .uri(raw("/api/v1/malls/" + mall + path)).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.TEXT_PLAIN).bodyValue("hello"));
        }
        Problems.rejected(web, 415, null, client -> client.post().uri(raw("/api/v1/malls/" + mall + "/claims/" + id + "/evidence"))
                .headers(h -> h.setBearerAuth(frontDesk(mall))).contentType(MediaType.APPLICATION_JSON).bodyValue("{}"));
        Problems.rejected(web, 400, null, client -> client.post().uri(raw("/api/v1/malls/" + mall + "/claims/" + id + "/evidence"))
                .headers(h -> h.setBearerAuth(frontDesk(mall))).header("Content-Type", "multipart/form-data")
                .bodyValue("not multipart at all"));
    }

    @Test
    void wrongEnumValues() {
        var facts = slipFacts();
        facts.put("category", "EARTHQUAKE");
        Problems.rejected(web, 400, "invalid-field", client -> client.post().uri(raw("/api/v1/malls/" + mall + "/claims"))
                .headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON).bodyValue(facts));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/claims/" + id + "/stage", "{\"stage\":\"DONE\"}"));
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/claims/" + id + "/checklist/AMBULANCE_CALLED",
                "{\"status\":\"MAYBE\"}"));
        Problems.rejected(web, 400, null, json(HttpMethod.POST, "/claims/" + id + "/checklist/TEA_SERVED", "{\"status\":\"DONE\"}"));
        Problems.rejected(web, 400, null, get("/claims?stage=LOST"));
    }

    @Test
    void hugeStringsAndHugeUploads() {
        var facts = slipFacts();
        facts.put("account", "长".repeat(300_000));
        Problems.rejected(web, 413, "content-too-large", client -> client.post().uri(raw("/api/v1/malls/" + mall + "/claims"))
                .headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON).bodyValue(facts));
        facts.put("account", "长".repeat(5000));
        Problems.rejected(web, 400, "validation-failed", client -> client.post().uri(raw("/api/v1/malls/" + mall + "/claims"))
                .headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON).bodyValue(facts));
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/claims/" + id + "/witnesses",
                "{\"name\":\"" + "x".repeat(101) + "\",\"contact\":\"1\"}"));
        Problems.rejected(web, 404, "claim-not-found", get("/claims/" + "x".repeat(2000)));

        // Far over the limit (1 MB in these tests): refused as too large, not buffered to disk first.
        Problems.rejected(web, 413, "evidence-too-large", upload(TestFiles.upload(TestFiles.pdf(24 * 1024 * 1024),
                "huge.pdf", MediaType.APPLICATION_PDF, "POLICE_REPORT")));
        var longDescription = TestFiles.upload(TestFiles.pdf(2048), "ok.pdf", MediaType.APPLICATION_PDF, "POLICE_REPORT");
        longDescription.part("description", "述".repeat(200_000));
        Problems.rejected(web, 413, null, upload(longDescription));
        var manyParts = TestFiles.upload(TestFiles.pdf(2048), "ok.pdf", MediaType.APPLICATION_PDF, "POLICE_REPORT");
        for (int i = 0; i < 200; i++) {
            manyParts.part("extra" + i, "x");
        }
        Problems.rejected(web, 400, null, upload(manyParts));
    }

    @Test
    void controlCharactersAndCharactersTheReportFontLacks() {
        Problems.rejected(web, 400, "request-rejected", get("/claims/%00%1b"));
        Problems.rejected(web, 400, "request-rejected", get("/claims/" + id + "/..%2F..%2Finsurance-policy"));
        var facts = slipFacts();
        facts.put("account", "顾客滑倒\u0000\u0007\u001b 😀 ☃ \uD83D\uDE91 线\t行\r\n第二行");
        facts.put("cause", "地面湿滑\u0085\u2028");
        put(supervisor, "/api/v1/malls/{mall}/claims/{id}/facts", facts, mall, id).expectStatus().isOk();
        post(supervisor, "/api/v1/malls/{mall}/claims/{id}/witnesses", Map.of("name", "证人\u0000", "contact", "\u0007138"),
                mall, id).expectStatus().isCreated();
        get(supervisor, "/api/v1/malls/{mall}/claims/{id}/incident-report", mall, id).expectStatus().isOk();
    }

    @Test
    void datesOutOfRange() {
        for (String at : List.of("-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z")) {
            var facts = slipFacts();
            facts.put("occurredAt", at);
            Map<String, Object> problem = Problems.rejected(web, 400, "validation-failed", client -> client.post()
                    .uri(raw("/api/v1/malls/" + mall + "/claims")).headers(h -> h.setBearerAuth(supervisor))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(facts));
            assertThat(problem.get("errors").toString()).contains("occurredAt");
            Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/claims/" + id + "/checklist/AMBULANCE_CALLED",
                    "{\"status\":\"DONE\",\"doneAt\":\"" + at + "\"}"));
            Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/claims/" + id + "/insurer-report/phone",
                    "{\"calledAt\":\"" + at + "\"}"));
            Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/claims/" + id + "/linked-requests",
                    "{\"requestId\":\"r1\",\"receivedAt\":\"" + at + "\"}"));
            var photo = new MultipartBodyBuilder();
            photo.part("file", new org.springframework.core.io.ByteArrayResource(TestFiles.photo("png")) {
                @Override
                public String getFilename() {
                    return "p.png";
                }
            }).contentType(MediaType.IMAGE_PNG);
            photo.part("kind", "PHOTO");
            photo.part("takenAt", at);
            Problems.rejected(web, 400, "validation-failed", upload(photo));
        }
        Problems.rejected(web, 400, "invalid-field", json(HttpMethod.POST, "/claims/" + id + "/insurer-report/phone",
                "{\"calledAt\":\"2026-02-30T10:00:00Z\"}"));
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/claims/" + id + "/advances",
                "{\"amountCny\":\"1e999999999\",\"purpose\":\"x\",\"paidTo\":\"y\"}"));
        Problems.rejected(web, 400, "validation-failed", json(HttpMethod.POST, "/claims/" + id + "/advances",
                "{\"amountCny\":\"" + "9".repeat(40) + "\",\"purpose\":\"x\",\"paidTo\":\"y\"}"));
        Problems.rejected(web, 400, null, json(HttpMethod.PUT, "/insurance-policy",
                "{\"insurer\":\"i\",\"policyNumber\":\"p\",\"advanceCapCny\":\"2000\",\"stepDueTimes\":{\"AMBULANCE_CALLED\":\"PT"
                        + "9".repeat(30) + "H\"}}"));
    }
}
