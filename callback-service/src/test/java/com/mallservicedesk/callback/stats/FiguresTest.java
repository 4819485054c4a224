package com.mallservicedesk.callback.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.policy.Targets;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void ratesAreDecimalsRoundedToFourPlacesAndTargetsAreCompared() {
        Tally month = Tally.ofOne(Count.NEEDING, Count.NEEDING, Count.NEEDING, Count.DONE, Count.DONE, Count.ON_TIME,
                Count.ANSWERED, Count.ANSWERED, Count.SATISFIED, Count.UNREACHABLE,
                Count.TIMELINESS_ANSWERED, Count.TIMELINESS_SATISFIED);
        Figures f = Figures.of(month, Targets.MALL);
        assertThat(f.callbackRate()).isEqualTo(0.6667);
        assertThat(f.satisfactionRate()).isEqualTo(0.5);
        assertThat(f.timelinessRate()).isEqualTo(1.0);
        assertThat(f.qualityRate()).isNull();
        assertThat(f.unreachable()).isEqualTo(1);
        assertThat(f.callbackRateMet()).isFalse();
        assertThat(f.satisfactionRateMet()).isFalse();
    }

    @Test
    void nothingToDivideByGivesNoRateAndNoVerdict() {
        Figures f = Figures.of(Tally.ZERO, Targets.MALL);
        assertThat(f.callbackRate()).isNull();
        assertThat(f.callbackRateMet()).isNull();
        assertThat(f.satisfactionRateMet()).isNull();
    }

    @Test
    void aChangeIsTheDifferenceOfTwoContributions() {
        Tally before = Tally.ofOne(Count.NEEDING);
        Tally after = Tally.ofOne(Count.NEEDING, Count.DONE, Count.ANSWERED);
        Tally delta = after.minus(before);
        assertThat(delta).isEqualTo(Tally.ofOne(Count.DONE, Count.ANSWERED));
        assertThat(before.plus(delta)).isEqualTo(after);
        assertThat(after.minus(after).isZero()).isTrue();
        assertThat(Tally.of(after.toMap())).isEqualTo(after);
    }
}
