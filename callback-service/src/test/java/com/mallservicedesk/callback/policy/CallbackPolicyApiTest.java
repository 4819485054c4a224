package com.mallservicedesk.callback.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.mallservicedesk.callback.requests.RequestFacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CallbackPolicyApiTest extends CallbackIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    private final String mall = newMall();
    private final String supervisor = TestTokens.supervisor(mall);

    private WebTestClient.ResponseSpec put(String mallId, String token, Object body) {
        return web.put().uri("/api/v1/malls/{mall}/callback-policy", mallId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("seed 000 §4.4.4, §3.1.1, seed 003 §2: a mall without its own policy or settings has the seeds' defaults (contract C1)")
    void aMallWithoutItsOwnPolicyHasTheSeedsDefaults() {
        web.get().uri("/api/v1/malls/{mall}/callback-policy", mall).headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.defaults").isEqualTo(true)
                .jsonPath("$.timing").isEqualTo("NEXT_DAY")
                .jsonPath("$.overdueAfter").doesNotExist()
                .jsonPath("$.supervisorAfterUnsatisfied").isEqualTo(2)
                .jsonPath("$.siteKind").isEqualTo("MALL")
                .jsonPath("$.settingsRevision").isEqualTo(0)
                .jsonPath("$.targets.callbackRate").isEqualTo(0.95)
                .jsonPath("$.targets.satisfactionRate").isEqualTo(0.9)
                .jsonPath("$.kinds").isEqualTo(List.of("REPAIR", "COMPLAINT", "HELP"))
                .jsonPath("$.maxUnreachableAttempts").isEqualTo(3)
                .jsonPath("$.dailySampleSize").isEqualTo(3)
                .jsonPath("$.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.desk.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.desk.hours.MONDAY.open").isEqualTo("09:00:00")
                .jsonPath("$.desk.hours.MONDAY.close").isEqualTo("21:00:00");
    }

    @Test
    void aCampusPolicyCallsBackWithin24HoursOfCompletionAndAimsForEveryCallback() {
        put(mall, supervisor, Map.of("timing", "WITHIN_24H")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.defaults").isEqualTo(false)
                .jsonPath("$.targets.callbackRate").isEqualTo(1.0)
                .jsonPath("$.overdueAfter").doesNotExist()
                .jsonPath("$.updatedBy").isEqualTo("supervisor-" + mall);

        String requestId = UUID.randomUUID().toString();
        Instant completedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        completeWork(mall, requestId, "REPAIR", 1, completedAt);
        var callback = awaitCallback(mall, callbackIdFor(requestId, 1));
        assertThat(callback).containsEntry("status", "DUE")
                .containsEntry("callableFrom", completedAt.toString())
                .containsEntry("dueAt", completedAt.plus(Duration.ofHours(24)).toString());

        web.get().uri("/api/v1/malls/{mall}/callback-policy", mall)
                .headers(h -> h.setBearerAuth(TestTokens.token("m", List.of(mall), List.of("MANAGER"), null)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.timing").isEqualTo("WITHIN_24H");
    }

    @Test
    void kindsTheMallDoesNotCallBackAndInternalServicesGetNoCallbackAndNobodyToCallIsFlagged() {
        put(mall, supervisor, Map.of("timing", "NEXT_DAY", "kinds", List.of("REPAIR"))).expectStatus().isOk();
        String help = UUID.randomUUID().toString();
        completeWork(mall, help, "HELP", 1, clock.instant());
        assertThat(awaitCallback(mall, callbackIdFor(help, 1))).containsEntry("status", "EXEMPT")
                .containsEntry("exemptReason", "KIND_NOT_CALLED_BACK");

        // Intake said the customer is the property's own staff (物業內部服務可不作回訪, seed 000 §4.9).
        String internal = UUID.randomUUID().toString();
        registerRequest(mall, internal, "REPAIR", "INTERCOM", "INTERNAL", null);
        org.awaitility.Awaitility.await().until(() -> mongo.findById(internal, RequestFacts.class).block() != null);
        completeWork(mall, internal, "REPAIR", 1, clock.instant());
        assertThat(awaitCallback(mall, callbackIdFor(internal, 1))).containsEntry("status", "EXEMPT")
                .containsEntry("exemptReason", "INTERNAL_SERVICE");

        String anonymous = UUID.randomUUID().toString();
        completeWork(mall, anonymous, "REPAIR", 1, clock.instant(), Map.of("name", "路過顧客"), "CLEANING");
        assertThat(awaitCallback(mall, callbackIdFor(anonymous, 1))).containsEntry("status", "NO_CONTACT");
        web.get().uri("/api/v1/malls/{mall}/callbacks?status=NO_CONTACT", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(callbackIdFor(anonymous, 1));
        // None of them is scheduled, so nothing tells downstream to expect a callback.
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(prometheus())
                .contains("msd_callback_exempt_total{application=\"callback-service\",mall=\"" + mall + "\",reason=\"INTERNAL_SERVICE\"} 1.0")
                .contains("msd_callback_no_contact_total{application=\"callback-service\",department=\"CLEANING\",mall=\"" + mall + "\"} 1.0"));
        assertThat(publishedAbout(callbackIdFor(help, 1), "mall.callback.callback.scheduled.v1")).isEmpty();
    }

    @Test
    void badPoliciesAreRefusedWithProblemDetailsNamingTheField() {
        put(mall, supervisor, Map.of("kinds", List.of("REPAIR"))).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("timing");
        put(mall, supervisor, Map.of("timing", "NEXT_DAY", "targets", Map.of("callbackRate", 1.5, "satisfactionRate", 0.9)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("targets.callbackRate");
        put(mall, supervisor, Map.of("timing", "NEXT_DAY", "kinds", List.of("REPIAR"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-field");
        put(mall, supervisor, Map.of("timing", "NEXT_DAY", "maxUnreachableAttempts", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("maxUnreachableAttempts");
        // The desk's hours and zone are intake's mall settings now: setting them here is refused, not ignored.
        web.put().uri("/api/v1/malls/{mall}/callback-policy", mall).headers(h -> h.setBearerAuth(supervisor))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("timing", "NEXT_DAY", "desk", Map.of("zone", "Asia/Shanghai", "alwaysOpen", true)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("desk-hours-at-intake")
                .jsonPath("$.title").isEqualTo("Desk hours are mall settings")
                .jsonPath("$.errors[0].field").isEqualTo("desk");
        put(mall, supervisor, Map.of("timing", "NEXT_DAY", "supervisorAfterUnsatisfied", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("supervisorAfterUnsatisfied");
        put(mall, supervisor, Map.of("timing", "NEXT_DAY", "supervisorAfterUnsatisfied", 11)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("supervisorAfterUnsatisfied");
        put(mall, supervisor, Map.of("timing", "NEXT_DAY", "overdueAfter", "P30D")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("overdue-after-invalid");
    }

    @Test
    void onlySupervisorsAndManagersOfTheMallReadAndSetIt() {
        web.get().uri("/api/v1/malls/{mall}/callback-policy", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        put(mall, TestTokens.frontDesk(mall), Map.of("timing", "WITHIN_24H")).expectStatus().isForbidden();
        String other = newMall();
        web.get().uri("/api/v1/malls/{mall}/callback-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("mall-forbidden");
        put(mall, TestTokens.supervisor(other), Map.of("timing", "WITHIN_24H")).expectStatus().isForbidden();
        // Another mall's setting does not touch this one.
        put(other, TestTokens.supervisor(other), Map.of("timing", "WITHIN_24H")).expectStatus().isOk();
        web.get().uri("/api/v1/malls/{mall}/callback-policy", mall).headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.timing").isEqualTo("NEXT_DAY");
    }
}
