package com.mallservicedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.test.Problems;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many of a mall's claims are in each stage ({@code GET …/claims/stage-counts}, the supervisors' dashboard): read
 * from the stage counters, which follow every claim opened and moved a few milliseconds behind it; every stage is
 * listed, and only the mall's own claims count.
 */
class ClaimStageCountsTest extends ClaimsIntegrationTest {

    private static final String COUNTS = "/api/v1/malls/{mall}/claims/stage-counts";

    private final String mall = newMall();
    private final String other = newMall();

    @Test
    void theCountsFollowTheClaimsAsTheyAreOpenedAndMovedAndCountNoOtherMallsClaims() {
        assertThat(counts(mall)).as("a mall without claims").containsExactlyEntriesOf(stages(0, 0, 0, 0, 0));

        String moved = (String) register(mall, slipFacts()).get("id");
        String closed = (String) register(mall, slipFacts()).get("id");
        String waiting = (String) register(mall, slipFacts()).get("id");
        register(other, slipFacts());
        await().atMost(shortly()).untilAsserted(() ->
                assertThat(counts(mall)).containsExactlyEntriesOf(stages(3, 0, 0, 0, 0)));

        finishChecklist(mall, moved, ClaimStage.IMMEDIATE_ACTION);
        moveStage(mall, moved, Map.of("stage", "APPLICATION")).expectStatus().isOk();
        moveStage(mall, closed, Map.of("stage", "ARCHIVED", "outcome", "CLOSED_WITHOUT_CLAIM")).expectStatus().isOk();
        await().atMost(shortly()).untilAsserted(() ->
                assertThat(counts(mall)).containsExactlyEntriesOf(stages(1, 1, 0, 0, 1)));

        // A refused move changes nothing; an allowed one moves the claim on.
        moveStage(mall, waiting, Map.of("stage", "HANDLING")).expectStatus().isEqualTo(409);
        finishChecklist(mall, moved, ClaimStage.APPLICATION);
        moveStage(mall, moved, Map.of("stage", "HANDLING")).expectStatus().isOk();
        await().atMost(shortly()).untilAsserted(() ->
                assertThat(counts(mall)).containsExactlyEntriesOf(stages(1, 0, 1, 0, 1)));

        // The other mall sees its one claim only.
        await().atMost(shortly()).untilAsserted(() ->
                assertThat(counts(other)).containsExactlyEntriesOf(stages(1, 0, 0, 0, 0)));
    }

    @Test
    void everyRoleOfTheClaimsListMayReadThemAndNoOneElse() {
        for (String token : List.of(frontDesk(mall), TestTokens.supervisor(mall), manager(mall))) {
            get(token, COUNTS, mall).expectStatus().isOk().expectBody().jsonPath("$.mallId").isEqualTo(mall);
        }
        String intruder = TestTokens.token("intruder", List.of(other), List.of("FRONT_DESK", "SUPERVISOR", "MANAGER"),
                null);
        Problems.rejected(web, 403, "mall-forbidden", client -> client.get().uri(COUNTS, mall)
                .headers(h -> h.setBearerAuth(intruder)));
        Problems.rejected(web, 403, "forbidden", client -> client.get().uri(COUNTS, mall)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "SECURITY"))));
        web.get().uri(COUNTS, mall).exchange().expectStatus().isUnauthorized();
        // A mall id cannot reach into another mall's counter keys (mall|stage): refused before anything is read.
        Problems.rejected(web, 400, "mall-id-invalid", client -> client.get()
                .uri(raw("/api/v1/malls/" + mall + "%7CM001/claims/stage-counts"))
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counts(String mallId) {
        Map<String, Object> answer = body(get(TestTokens.supervisor(mallId), COUNTS, mallId).expectStatus().isOk());
        assertThat(answer).containsEntry("mallId", mallId);
        return (Map<String, Object>) answer.get("stages");
    }

    /** Every stage in the order of the flow, with its count. */
    private static Map<String, Object> stages(int... claims) {
        Map<String, Object> stages = new LinkedHashMap<>();
        for (ClaimStage stage : ClaimStage.values()) {
            stages.put(stage.name(), claims[stage.ordinal()]);
        }
        return stages;
    }
}
