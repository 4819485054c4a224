package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SecurityAndProblemsTest extends KitIntegrationTest {

    @Test
    void noTokenIs401WithAProblemInChinese() {
        web.get().uri("/api/v1/malls/M001/parcels/x").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("未认证");
    }

    @Test
    void aTokenWithABadSignatureIs401InEnglishWhenAsked() {
        String forged = TestTokens.frontDesk("M001");
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        String token = forged;
        web.get().uri("/api/v1/malls/M001/parcels/x")
                .headers(h -> h.setBearerAuth(token))
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void aMallNotInTheTokenIs403() {
        web.get().uri("/api/v1/malls/M999/parcels/x")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("mall-forbidden");
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff("M001", "ENGINEERING")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "x", "sender", "y"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }

    @Test
    void anIdOfAnotherMallIs404() {
        String id = registeredParcelId("M001", "mine");
        web.get().uri("/api/v1/malls/M002/parcels/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M002")))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("parcel-not-found");
        web.get().uri("/api/v1/malls/M001/parcels/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void aPlatformOperatorMayActInEveryMall() {
        String id = registeredParcelId("M003", "ops");
        web.get().uri("/api/v1/malls/M003/parcels/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.token("ops", List.of("*"), List.of("SUPERVISOR"), null)))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void validationNamesEveryBadFieldInTheCallersLanguage() {
        web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "a label that is far too long for it", "sender", " "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field=='label')].message").isEqualTo("长度必须在 0 到 20 之间")
                .jsonPath("$.errors[?(@.field=='sender')].code").isEqualTo("NotBlank");
        web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .header("Accept-Language", "en-US,en;q=0.9")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "ok", "sender", ""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[0].message").isEqualTo("must not be blank");
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        byte[] body = web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("\"code\":\"malformed-request\"").doesNotContain("at com.").doesNotContain("Exception");
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        web.get().uri("/api/v1/malls/M001/nothing-here")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        var first = post("key-1", Map.of("label", "once", "sender", "s"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        var again = post("key-1", Map.of("label", "once", "sender", "s"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        long stored = mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("label").is("once")), Parcel.class).block();
        assertThat(stored).isEqualTo(1);

        post("key-1", Map.of("label", "other", "sender", "s"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency-key-reused");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String key, Map<String, String> body) {
        return web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
