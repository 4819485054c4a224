package com.mallservicedesk.survey.formula;

/**
 * The five-level scale of survey forms A and B. Basically satisfied, satisfied and very satisfied count as satisfied
 * (seed 000 §顧客滿意度調查規程 4.5.2); the score (1 to 5) feeds the item formula.
 */
public enum Level {
    VERY_DISSATISFIED(1), DISSATISFIED(2), BASICALLY_SATISFIED(3), SATISFIED(4), VERY_SATISFIED(5);

    public static final int MAX_SCORE = 5;

    private final int score;

    Level(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }

    public boolean satisfied() {
        return score >= BASICALLY_SATISFIED.score;
    }
}
