package com.mallservicedesk.claims.stage;

import static com.mallservicedesk.claims.stage.ClaimStage.ADJUSTER_ASSISTANCE;
import static com.mallservicedesk.claims.stage.ClaimStage.APPLICATION;
import static com.mallservicedesk.claims.stage.ClaimStage.ARCHIVED;
import static com.mallservicedesk.claims.stage.ClaimStage.HANDLING;
import static com.mallservicedesk.claims.stage.ClaimStage.IMMEDIATE_ACTION;
import static com.mallservicedesk.claims.stage.ClaimStage.Outcome.CLOSED_WITHOUT_CLAIM;
import static com.mallservicedesk.claims.stage.ClaimStage.Outcome.SETTLED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The flow chart of seed 000 §第三條 4.1 as a state machine. */
class ClaimStageTest {

    @Test
    void aClaimMovesOneStageForwardAtATime() {
        assertThat(IMMEDIATE_ACTION.mayMoveTo(APPLICATION, null)).isTrue();
        assertThat(APPLICATION.mayMoveTo(HANDLING, null)).isTrue();
        assertThat(HANDLING.mayMoveTo(ADJUSTER_ASSISTANCE, null)).isTrue();
        assertThat(IMMEDIATE_ACTION.mayMoveTo(HANDLING, null)).isFalse();
        assertThat(HANDLING.mayMoveTo(APPLICATION, null)).isFalse();
        assertThat(APPLICATION.mayMoveTo(APPLICATION, null)).isFalse();
    }

    @Test
    void closingWithoutAClaimIsPossibleFromEveryOpenStageSettlingOnlyOnceTheInsurerHandlesIt() {
        for (ClaimStage stage : Arrays.asList(IMMEDIATE_ACTION, APPLICATION, HANDLING, ADJUSTER_ASSISTANCE)) {
            assertThat(stage.mayMoveTo(ARCHIVED, CLOSED_WITHOUT_CLAIM)).isTrue();
            assertThat(stage.mayMoveTo(ARCHIVED, null)).isFalse();
        }
        assertThat(IMMEDIATE_ACTION.mayMoveTo(ARCHIVED, SETTLED)).isFalse();
        assertThat(APPLICATION.mayMoveTo(ARCHIVED, SETTLED)).isFalse();
        assertThat(HANDLING.mayMoveTo(ARCHIVED, SETTLED)).isTrue();
        assertThat(ADJUSTER_ASSISTANCE.mayMoveTo(ARCHIVED, SETTLED)).isTrue();
    }

    @Test
    void theArchiveIsFinal() {
        for (ClaimStage stage : ClaimStage.values()) {
            assertThat(ARCHIVED.mayMoveTo(stage, CLOSED_WITHOUT_CLAIM)).isFalse();
        }
        assertThat(ARCHIVED.next()).isEmpty();
    }

    @Test
    void theNextStagesListWhatMayMoveTo() {
        for (ClaimStage from : ClaimStage.values()) {
            for (ClaimStage to : ClaimStage.values()) {
                boolean listed = from.next().contains(to);
                assertThat(listed).as(from + " → " + to)
                        .isEqualTo(from.mayMoveTo(to, CLOSED_WITHOUT_CLAIM) || from.mayMoveTo(to, SETTLED));
            }
        }
    }

    @Test
    void everyStageBeforeTheArchiveHasStepsWithDueTimes() {
        for (ClaimStage stage : Arrays.asList(IMMEDIATE_ACTION, APPLICATION, HANDLING, ADJUSTER_ASSISTANCE)) {
            assertThat(ChecklistItem.of(stage)).isNotEmpty()
                    .allSatisfy(item -> assertThat(item.defaultDue()).isPositive());
        }
        assertThat(ChecklistItem.of(ARCHIVED)).isEmpty();
    }
}
