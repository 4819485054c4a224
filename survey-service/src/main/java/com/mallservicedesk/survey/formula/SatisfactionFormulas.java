package com.mallservicedesk.survey.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * The statistics formulas of seed 000 §顧客滿意度調查規程 4.5.1, exactly:
 * <ul>
 *   <li>a respondent's satisfaction = satisfied items ÷ surveyed items × 100 %;</li>
 *   <li>overall satisfaction = Σ the respondents' satisfaction ÷ the number of respondents;</li>
 *   <li>an item's satisfaction = the item's total score ÷ the item's maximum total score × 100 %, the maximum being
 *       the respondents who scored it × 5.</li>
 * </ul>
 * Ratios are 0..1 and {@code null} when there is nothing to divide by; {@link #percent} rounds for people.
 */
public final class SatisfactionFormulas {

    /** Satisfaction target of surveys and callbacks (seed 001 §二.5); an item below it becomes an improvement action. */
    public static final double TARGET = 0.90;

    private SatisfactionFormulas() {
    }

    public static Double respondent(long satisfiedItems, long surveyedItems) {
        if (satisfiedItems < 0 || satisfiedItems > surveyedItems) {
            throw new IllegalArgumentException("satisfied items must be between 0 and the surveyed items");
        }
        return surveyedItems == 0 ? null : (double) satisfiedItems / surveyedItems;
    }

    /** The respondent's answers, one per surveyed item (unanswered items are not surveyed). */
    public static Double respondent(Collection<Level> answers) {
        long satisfied = answers.stream().filter(Level::satisfied).count();
        return respondent(satisfied, answers.size());
    }

    /** Respondents without any surveyed item do not count. */
    public static Double overall(Collection<Double> respondentSatisfactions) {
        var counted = respondentSatisfactions.stream().filter(Objects::nonNull).toList();
        return overall(counted.stream().mapToDouble(Double::doubleValue).sum(), counted.size());
    }

    /** The same from running sums, as the monthly figures keep them. */
    public static Double overall(double sumOfRespondentSatisfactions, long respondents) {
        return respondents == 0 ? null : sumOfRespondentSatisfactions / respondents;
    }

    public static Double item(long totalScore, long respondents) {
        return respondents == 0 ? null : (double) totalScore / (respondents * Level.MAX_SCORE);
    }

    public static Double item(Collection<Level> scores) {
        return item(scores.stream().mapToLong(Level::score).sum(), scores.size());
    }

    public static boolean belowTarget(Double ratio) {
        return ratio != null && ratio < TARGET;
    }

    /** A ratio as a percentage with one decimal (2 of 3 → 66.7); null stays null. */
    public static Double percent(Double ratio) {
        return ratio == null ? null
                : BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    public static Double percent(long part, long whole) {
        return whole == 0 ? null : percent((double) part / whole);
    }
}
