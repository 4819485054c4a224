package com.mallservicedesk.survey.formula;

import static com.mallservicedesk.survey.formula.Level.BASICALLY_SATISFIED;
import static com.mallservicedesk.survey.formula.Level.DISSATISFIED;
import static com.mallservicedesk.survey.formula.Level.SATISFIED;
import static com.mallservicedesk.survey.formula.Level.VERY_DISSATISFIED;
import static com.mallservicedesk.survey.formula.Level.VERY_SATISFIED;
import static com.mallservicedesk.survey.formula.SatisfactionFormulas.item;
import static com.mallservicedesk.survey.formula.SatisfactionFormulas.overall;
import static com.mallservicedesk.survey.formula.SatisfactionFormulas.percent;
import static com.mallservicedesk.survey.formula.SatisfactionFormulas.respondent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the formulas of seed 000 §顧客滿意度調查規程 4.5.1. */
class SatisfactionFormulasTest {

    @Test
    void aRespondentWithTwoOfThreeItemsSatisfiedIsSixtySixPointSevenPercent() {
        assertThat(percent(respondent(2, 3))).isEqualTo(66.7);
        assertThat(percent(respondent(List.of(SATISFIED, BASICALLY_SATISFIED, DISSATISFIED)))).isEqualTo(66.7);
    }

    @Test
    void basicallySatisfiedAndBetterAreSatisfiedTheRestAreNot() {
        assertThat(Arrays.stream(Level.values()).filter(Level::satisfied))
                .containsExactly(BASICALLY_SATISFIED, SATISFIED, VERY_SATISFIED);
        assertThat(Arrays.stream(Level.values()).mapToInt(Level::score)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void onlySurveyedItemsCount() {
        // Four answered of five on the form: three satisfied → 75 %, the unanswered item is not surveyed.
        assertThat(percent(respondent(List.of(VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, VERY_DISSATISFIED))))
                .isEqualTo(75.0);
        assertThat(respondent(0, 0)).isNull();
        assertThatThrownBy(() -> respondent(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overallIsTheMeanOfTheRespondentsSatisfactionNotTheShareOfSatisfiedItems() {
        // Respondent 1: 3 of 3 (100 %); respondent 2: 2 of 3 (66.7 %); respondent 3: 1 of 2 (50 %).
        Double overall = overall(List.of(respondent(3, 3), respondent(2, 3), respondent(1, 2)));
        assertThat(percent(overall)).isEqualTo(72.2); // (1 + 0.6667 + 0.5) / 3
        // The share of satisfied items would be 6 of 8 = 75 %: a different figure.
        assertThat(percent(6, 8)).isEqualTo(75.0);
        assertThat(overall(List.of())).isNull();
    }

    @Test
    void overallFromRunningSums() {
        assertThat(percent(overall(1 + 1 + 1 + 2.0 / 3, 4))).isEqualTo(91.7);
        assertThat(overall(0.0, 0)).isNull();
    }

    @Test
    void anItemIsItsTotalScoreOverItsMaximumTotalScore() {
        // Scores 5, 4, 3 and 2 from four respondents: 14 of 4 × 5 = 20 → 70 %.
        assertThat(percent(item(List.of(VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED)))).isEqualTo(70.0);
        assertThat(percent(item(14, 4))).isEqualTo(70.0);
        // Everyone very satisfied: 100 %; nobody scored it: no figure.
        assertThat(percent(item(List.of(VERY_SATISFIED, VERY_SATISFIED)))).isEqualTo(100.0);
        assertThat(item(0, 0)).isNull();
    }

    @Test
    void theTargetIsNinetyPercent() {
        assertThat(SatisfactionFormulas.belowTarget(item(44, 10))).isTrue();   // 88 %
        assertThat(SatisfactionFormulas.belowTarget(item(45, 10))).isFalse();  // 90 %
        assertThat(SatisfactionFormulas.belowTarget(null)).isFalse();
    }
}
