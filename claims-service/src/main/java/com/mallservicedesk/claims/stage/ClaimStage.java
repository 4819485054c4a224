package com.mallservicedesk.claims.stage;

import java.util.List;

/**
 * The stages of a claim, from the flow chart of seed 000 §第三條 4.1: loss occurs → immediate action → claim application →
 * claim handling (the insurer's adjuster) → adjuster assistance → claim archive. A claim moves one stage forward at a
 * time; it may be archived early as closed without a claim, and settled from handling on.
 */
public enum ClaimStage {
    /** 即時行動: emergency measures, notify the insurer, aftercare, evidence. */
    IMMEDIATE_ACTION,
    /** 索賠申請: written application, comfort the injured, loss estimate. */
    APPLICATION,
    /** 索賠辦理: the insurer's adjuster, the adjuster's data, the claim file. */
    HANDLING,
    /** 定損員協助: on-site help, aftercare plan, precise data, inspection report. */
    ADJUSTER_ASSISTANCE,
    /** 索賠檔案: settled, or closed without a claim. Final. */
    ARCHIVED;

    public enum Outcome { SETTLED, CLOSED_WITHOUT_CLAIM }

    /** Whether a claim in this stage may move to {@code next} (with the outcome when {@code next} is ARCHIVED). */
    public boolean mayMoveTo(ClaimStage next, Outcome outcome) {
        if (this == ARCHIVED) {
            return false;
        }
        if (next == ARCHIVED) {
            if (outcome == null) {
                return false;
            }
            return outcome == Outcome.CLOSED_WITHOUT_CLAIM
                    || this == HANDLING || this == ADJUSTER_ASSISTANCE;
        }
        return next.ordinal() == ordinal() + 1;
    }

    /** The stages a claim in this stage may move to next. */
    public List<ClaimStage> next() {
        return switch (this) {
            case IMMEDIATE_ACTION -> List.of(APPLICATION, ARCHIVED);
            case APPLICATION -> List.of(HANDLING, ARCHIVED);
            case HANDLING -> List.of(ADJUSTER_ASSISTANCE, ARCHIVED);
            case ADJUSTER_ASSISTANCE -> List.of(ARCHIVED);
            case ARCHIVED -> List.of();
        };
    }
}
