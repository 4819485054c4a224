package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
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

    @Test
    void anIdempotencyKeyExpiresByARangeOfItsCreationTime() {
        post("key-to-expire", Map.of("label", "expiring", "sender", "s")).expectStatus().isCreated();
        var stored = mongo.findById("M001|parcels|front-desk-M001|key-to-expire", Document.class,
                IdempotentRequests.COLLECTION).block();
        var createdAt = stored.getDate("createdAt").toInstant();
        var thisKey = Criteria.where("_id").is(stored.get("_id"));

        // The housekeeping's query, as the key's time falls either side of the cutoff.
        assertThat(mongo.exists(IdempotentRequests.createdBefore(createdAt.plusMillis(1)).addCriteria(thisKey),
                IdempotentRequests.COLLECTION).block()).isTrue();
        assertThat(mongo.exists(IdempotentRequests.createdBefore(createdAt).addCriteria(thisKey),
                IdempotentRequests.COLLECTION).block()).isFalse();
        // The unique index that range walks, declared on the stored record and made when it is first written.
        await().untilAsserted(() -> assertThat(mongo.indexOps(IdempotentRequests.COLLECTION).getIndexInfo()
                .collectList().block()).anySatisfy(index -> {
                    assertThat(index.getName()).isEqualTo("createdKey");
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.isSparse()).isTrue();
                }));
    }

    @Test
    void anIdempotencyKeyBelongsToItsCaller() {
        var body = Map.of("label", "per-caller", "sender", "s");
        var mine = post("shared-key", body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String otherUser = TestTokens.token("front-desk-2", List.of("M001"), List.of("FRONT_DESK"), null);
        var theirs = post("shared-key", body, otherUser)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(theirs.get("id")).isNotEqualTo(mine.get("id"));
        // Each caller's key is checked against that caller's own first body only.
        post("shared-key", Map.of("label", "something else", "sender", "s"), otherUser).expectStatus().isEqualTo(422);
        String thirdUser = TestTokens.token("front-desk-3", List.of("M001"), List.of("FRONT_DESK"), null);
        post("shared-key", Map.of("label", "something else", "sender", "s"), thirdUser).expectStatus().isCreated();
    }

    @Test
    void aClaimLeftByACrashLapsesAndTheRetryRuns() {
        String caller = "front-desk-M001";
        var past = java.time.Instant.now().minusSeconds(120);
        // What a call that crashed two minutes ago left: its claim, lapsed a minute ago, and no outcome.
        mongo.getCollection("idempotency_keys").flatMap(keys -> reactor.core.publisher.Mono.from(keys.insertOne(
                new Document("_id", "M001|parcels|" + caller + "|crashed-key").append("mallId", "M001")
                        .append("caller", caller).append("requestHash", hashOf(Map.of("label", "after-crash", "sender", "s")))
                        .append("createdAt", java.util.Date.from(past))
                        .append("claimedUntil", java.util.Date.from(past.plusSeconds(60)))))).block();

        var first = post("crashed-key", Map.of("label", "after-crash", "sender", "s"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        var again = post("crashed-key", Map.of("label", "after-crash", "sender", "s"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aCallStillRunningAnswers409() {
        String caller = "front-desk-M001";
        var now = java.time.Instant.now();
        var body = Map.of("label", "running", "sender", "s");
        mongo.getCollection("idempotency_keys").flatMap(keys -> reactor.core.publisher.Mono.from(keys.insertOne(
                new Document("_id", "M001|parcels|" + caller + "|running-key").append("mallId", "M001")
                        .append("caller", caller).append("requestHash", hashOf(body))
                        .append("createdAt", java.util.Date.from(now))
                        .append("claimedUntil", java.util.Date.from(now.plusSeconds(60)))))).block();
        post("running-key", body).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency-key-in-progress");
    }

    @Test
    void aMallIdOutsideThePatternIs400BeforeAnythingElse() {
        for (String bad : List.of("M001:ENG", "M001%7C2026-01", "%2E%2E", "-x", "a".repeat(65))) {
            web.get().uri("/api/v1/malls/" + bad + "/parcels/x")
                    .headers(h -> h.setBearerAuth(TestTokens.platformAdmin()))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("mall-id-invalid");
        }
        web.get().uri("/api/v1/malls/M001:ENG/parcels/x").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aBodyOverTheLimitIs413AndAFormBodyIs415WithTheirOwnCodes() {
        web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"sender\":\"s\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("content-too-large");
        web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("label=x&sender=s")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
    }

    private static String hashOf(Map<String, String> body) throws RuntimeException {
        try {
            var json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                    new ParcelController.RegisterParcel(body.get("label"), body.get("sender")));
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String key, Map<String, String> body) {
        return post(key, body, TestTokens.frontDesk("M001"));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String key, Map<String, String> body,
                                                                                         String token) {
        return web.post().uri("/api/v1/malls/M001/parcels")
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
