package com.mallservicedesk.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.problem.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A claim file's lists stay bounded: the file, its view and its incident report cannot grow without end. */
class ClaimBoundsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T06:40:00Z");

    private static void fullAfter(int max, String code, Consumer<Integer> add) {
        for (int i = 0; i < max; i++) {
            add.accept(i);
        }
        assertThatThrownBy(() -> add.accept(max)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status().value()).isEqualTo(422);
        });
    }

    @Test
    void evidenceWitnessesCostsAdvancesAndLinkedRequestsHaveALimit() {
        Claim claim = ClaimRulesTest.claim();
        fullAfter(Claim.MAX_EVIDENCE, "claim-evidence-full", i -> claim.addEvidence(new EvidenceItem("ev-" + i,
                EvidenceItem.Kind.OTHER, "f" + i, null, "f.pdf", "application/pdf", 10, "00", null, null, null, "fd",
                NOW), NOW));
        fullAfter(Claim.MAX_WITNESSES, "claim-witnesses-full", i -> claim.addWitness(new Witness("w-" + i, "证人" + i,
                "1390000" + i, null, false, null, "fd", NOW), NOW));
        fullAfter(Claim.MAX_COSTS, "claim-costs-full", i -> claim.addCost(new Cost("c-" + i, "医药费", null,
                BigDecimal.ONE, null, null, false, null, null, "fd", NOW), NOW));
        fullAfter(Claim.MAX_ADVANCES, "claim-advances-full", i -> claim.requestAdvance("a-" + i, BigDecimal.ONE,
                "药费" + i, "医院", new BigDecimal("2000"), "fd", NOW));
        fullAfter(Claim.MAX_LINKED_REQUESTS, "claim-links-full", i -> claim.linkByHand(new LinkedRequest("r-" + i,
                "n", "REPAIR", null, NOW, LinkedRequest.How.MANUAL, null, "fd", NOW)));
        assertThat(claim.getEvidence()).hasSize(Claim.MAX_EVIDENCE);
        assertThat(claim.getLinkedRequests()).hasSize(Claim.MAX_LINKED_REQUESTS);
        // Found automatically beyond the limit: not linked, and not an error for the event that found it.
        assertThat(claim.link(new LinkedRequest("r-auto", "n", "REPAIR", null, NOW, LinkedRequest.How.AUTO, null, null,
                NOW))).isFalse();
    }

    @Test
    void anArchivedFileTakesNoMoreLinks() {
        Claim claim = ClaimRulesTest.claim();
        claim.moveTo(com.mallservicedesk.claims.stage.ClaimStage.ARCHIVED,
                com.mallservicedesk.claims.stage.ClaimStage.Outcome.CLOSED_WITHOUT_CLAIM, null, null, "sv", NOW,
                DueTimes.defaults());
        int steps = claim.getTimeline().size();

        assertThat(claim.link(new LinkedRequest("r-late", "n", "REPAIR", null, NOW, LinkedRequest.How.AUTO, null, null,
                NOW))).isFalse();
        assertThatThrownBy(() -> claim.linkByHand(new LinkedRequest("r-hand", "n", "REPAIR", null, NOW,
                LinkedRequest.How.MANUAL, null, "sv", NOW)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("claim-archived"));
        assertThat(claim.getLinkedRequests()).isEmpty();
        assertThat(claim.getTimeline()).hasSize(steps);
    }
}
