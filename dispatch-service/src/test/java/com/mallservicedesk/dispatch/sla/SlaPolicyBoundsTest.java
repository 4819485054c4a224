package com.mallservicedesk.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One mall's absurd service levels can neither be stored nor, if stored before the bounds, stall the dispatch. */
class SlaPolicyBoundsTest extends DispatchIntegrationTest {

    private static final Map<String, Object> POLICY = Map.of("dispatchWithin", "PT10M", "contactWithin", "PT1H",
            "sameDayHandling", true, "repairCompletionWithin", "PT48H",
            "complaintInvestigationWorkingDays", 5);

    private final String mall = newMall();

    @Autowired
    MeterRegistry meters;

    private WebTestClient.ResponseSpec put(String field, Object value) {
        var policy = new HashMap<>(POLICY);
        policy.put(field, value);
        return web.put().uri("/api/v1/malls/{mall}/sla-policy", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(policy).exchange();
    }

    private void refused(String field, Object value, String code) {
        put(field, value).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("sla-policy-invalid")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void timeLimitsOutsideTheirBoundsAreRefusedFieldByField() {
        refused("contactWithin", "PT2562047788015215H", "too-long");
        refused("contactWithin", "P2D", "too-long");
        refused("dispatchWithin", "PT30S", "too-short");
        refused("contactWithin", "-PT5M", "too-short");
        refused("repairCompletionWithin", "P31D", "too-long");
        refused("complaintInvestigationWorkingDays", 31, "out-of-range");
        refused("complaintInvestigationWorkingDays", 0, "out-of-range");
        put("repairCompletionWithin", "P30D").expectStatus().isOk();
        put("contactWithin", "P1D").expectStatus().isOk();
        put("dispatchWithin", "PT1M").expectStatus().isOk();
        put("complaintInvestigationWorkingDays", 30).expectStatus().isOk();
        web.put().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("dispatchWithin", "PT0S", "contactWithin", "P40D",
                        "sameDayHandling", true, "repairCompletionWithin", "PT48H",
                        "complaintInvestigationWorkingDays", 3))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("dispatchWithin", "contactWithin"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("seed 003 §2: the complaint hand-over to the supervisor is the front desk's; a policy still sending complaintToSupervisorWithin is accepted and the field ignored")
    void theRetiredComplaintHandOverLimitIsIgnored() {
        put("complaintToSupervisorWithin", "PT20M").expectStatus().isOk()
                .expectBody().jsonPath("$.complaintToSupervisorWithin").doesNotExist()
                .jsonPath("$.contactWithin").isEqualTo("PT1H");
    }

    @Test
    void aPolicyStoredBeforeTheBoundsFallsBackToTheDefaultsInsteadOfStallingTheConsumer() {
        // As an old release could have stored it: a contact limit the calendar arithmetic overflows on, and garbage.
        mongo.save(new Document("_id", mall).append("dispatchWithin", "PT5M").append("contactWithin", "PT2562047788015215H")
                        .append("sameDayHandling", true).append("repairCompletionWithin", "not a duration")
                        .append("complaintToSupervisorWithin", "PT30M").append("complaintInvestigationWorkingDays", 3),
                "sla_policies").block();

        String requestId = register(mall, "REPAIR", "PHONE", "1F", "A");
        var order = awaitOrder(mall, "wo-" + requestId);
        Instant orderedAt = Instant.parse((String) order.get("orderedAt"));
        assertThat((Map<String, Object>) order.get("deadlines"))
                .containsEntry("CONTACT", orderedAt.plus(Duration.ofMinutes(15)).toString())
                .containsEntry("REPAIR_COMPLETION", orderedAt.plus(Duration.ofHours(48)).toString());
        assertThat(meters.find("msd.dispatch.sla.policy.fallbacks").tag("mall", mall).tag("field", "contactWithin")
                .counter()).isNotNull().satisfies(c -> assertThat(c.count()).isPositive());
        web.get().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.contactWithin").isEqualTo("PT15M").jsonPath("$.repairCompletionWithin").isEqualTo("PT48H");
    }
}
