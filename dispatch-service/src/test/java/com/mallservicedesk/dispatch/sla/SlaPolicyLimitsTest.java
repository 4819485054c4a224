package com.mallservicedesk.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyLimitsTest {

    private static final SlaPolicyLimits LIMITS = new SlaPolicyLimits(Duration.ofMinutes(1), Duration.ofDays(1),
            Duration.ofDays(30), 30, Duration.ofDays(90));
    private static final SlaPolicy SEEDS = new SlaPolicy(Duration.ofMinutes(5), Duration.ofMinutes(15), true,
            Duration.ofHours(48), 3);

    @Test
    void theSeedDefaultsAreWithinTheBounds() {
        assertThat(LIMITS.problems(SEEDS).asList()).isEmpty();
    }

    @Test
    void eachFieldIsCheckedAgainstItsOwnBound() {
        var absurd = new SlaPolicy(Duration.ofSeconds(30), Duration.ofHours(2_562_047_788_015_215L), true,
                Duration.ofDays(31), 0);
        assertThat(LIMITS.problems(absurd).asList()).containsExactly(
                Map.of("field", "dispatchWithin", "code", "too-short"),
                Map.of("field", "contactWithin", "code", "too-long"),
                Map.of("field", "repairCompletionWithin", "code", "too-long"),
                Map.of("field", "complaintInvestigationWorkingDays", "code", "out-of-range"));
    }

    @Test
    void aStoredPolicyOutsideTheBoundsKeepsItsGoodValuesAndTakesTheDefaultsForTheRest() {
        var stored = new SlaPolicyDocument("M001", "PT10M", "PT2562047788015215H", false, "garbage", 99, null, null);
        var repaired = LIMITS.repair(stored, SEEDS);
        assertThat(repaired.policy()).isEqualTo(new SlaPolicy(Duration.ofMinutes(10), Duration.ofMinutes(15), false,
                Duration.ofHours(48), 3));
        assertThat(repaired.replaced()).containsExactly("contactWithin", "repairCompletionWithin",
                "complaintInvestigationWorkingDays");
    }
}
