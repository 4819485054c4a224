package com.mallservicedesk.intake.request;

import java.time.Instant;

/**
 * What follows the registration of a consultation or a suggestion, as the front desk sees it.
 *
 * @param reply        the clock of a consultation's reply (null for other kinds and for answers on the spot)
 * @param answeredAt   when the consultation was answered (on the spot or later)
 * @param answeredBy   who answered it
 * @param answerReview the supervisor's check of the answer (seed 003 §監控指標: consultation reply accuracy)
 * @param evaluation   the clock of a suggestion's evaluation (null for other kinds)
 * @param evaluated    the suggestion's evaluation (seed 003 §3)
 */
public record FollowUps(FollowUpClock reply, Instant answeredAt, String answeredBy, AnswerReview answerReview,
                        FollowUpClock evaluation, Evaluation evaluated) {

    /** @param correct whether the answer given was correct */
    public record AnswerReview(boolean correct, String note, String by, Instant at) {
    }

    /** @param adopted whether the suggestion is taken up */
    public record Evaluation(boolean adopted, String note, String by, Instant at) {
    }
}
