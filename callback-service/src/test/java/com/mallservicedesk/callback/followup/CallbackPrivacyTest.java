package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Customers' numbers in every callback view and list (the kit's ContactDisclosure rule): in full to the front desk,
 * masked to supervisors and managers; department staff and operators have no callback views at all.
 */
class CallbackPrivacyTest extends CallbackIntegrationTest {

    private final String mall = newMall();
    private final String manager = TestTokens.token("manager-" + mall, List.of(mall), List.of("MANAGER"), null);

    private String phoneInView(String token, String id) {
        Map<String, Object> view = web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, id)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return ((List<Map<String, String>>) view.get("contacts")).get(0).get("phone");
    }

    private String phoneInList(String token, String id) {
        Map<String, Object> page = web.get().uri("/api/v1/malls/{mall}/callbacks?size=200", mall)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(c -> id.equals(c.get("id")))
                .map(c -> ((List<Map<String, String>>) c.get("contacts")).get(0).get("phone")).findFirst().orElseThrow();
    }

    @Test
    void theDeskSeesFullNumbersSupervisorsAndManagersMaskedOnesInViewsListsAndEscalations() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant());
        String first = callbackIdFor(requestId, 1);
        awaitCallback(mall, first);

        for (String id : List.of(first)) {
            assertThat(phoneInView(TestTokens.frontDesk(mall), id)).isEqualTo("13900000000");
            assertThat(phoneInList(TestTokens.frontDesk(mall), id)).isEqualTo("13900000000");
            assertThat(phoneInView(TestTokens.supervisor(mall), id)).isEqualTo("139****0000");
            assertThat(phoneInList(TestTokens.supervisor(mall), id)).isEqualTo("139****0000");
            assertThat(phoneInView(manager, id)).isEqualTo("139****0000");
            assertThat(phoneInList(manager, id)).isEqualTo("139****0000");
        }
        // Callbacks are the desk's work: no department, the handling one included, reads them.
        for (String staff : List.of(TestTokens.deptStaff(mall, "ENGINEERING"), TestTokens.deptStaff(mall, "SECURITY"))) {
            web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, first).headers(h -> h.setBearerAuth(staff))
                    .exchange().expectStatus().isForbidden().expectBody(String.class)
                    .value(body -> assertThat(body).doesNotContain("13900000000"));
            web.get().uri("/api/v1/malls/{mall}/callbacks", mall).headers(h -> h.setBearerAuth(staff))
                    .exchange().expectStatus().isForbidden();
        }

        // Two unsatisfied rounds bring the supervisor in: the escalated callback still shows them a masked number.
        answer(mall, first, repairAnswers("SATISFIED", "SATISFIED", "DISSATISFIED")).expectStatus().isOk();
        completeWork(mall, requestId, "REPAIR", 2, clock.instant());
        String second = callbackIdFor(requestId, 2);
        awaitCallback(mall, second);
        answer(mall, second, repairAnswers("DISSATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk()
                .expectBody().jsonPath("$.escalated").isEqualTo(true).jsonPath("$.contacts[0].phone").isEqualTo("13900000000");
        assertThat(phoneInView(TestTokens.supervisor(mall), second)).isEqualTo("139****0000");
        assertThat(phoneInList(manager, second)).isEqualTo("139****0000");
        await().untilAsserted(() -> assertThat(publishedAbout(second, "mall.callback.callback.escalated.v1")).singleElement()
                .satisfies(e -> assertThat(e.raw()).doesNotContain("13900000000").doesNotContain("139****0000")));
    }

    @Test
    void aSupervisorRecordingAnAnswerGetsTheMaskedNumberBack() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant());
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);

        post(mall, TestTokens.supervisor(mall), "/" + id + "/attempts",
                Map.of("method", "PHONE", "outcome", "REACHED")).expectStatus().isCreated()
                .expectBody().jsonPath("$.contacts[0].phone").isEqualTo("139****0000");
        post(mall, TestTokens.supervisor(mall), "/" + id + "/result", repairAnswers("SATISFIED", "SATISFIED", "SATISFIED"))
                .expectStatus().isOk().expectBody().jsonPath("$.contacts[0].phone").isEqualTo("139****0000");
    }
}
