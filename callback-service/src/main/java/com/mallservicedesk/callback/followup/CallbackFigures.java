package com.mallservicedesk.callback.followup;

import com.mallservicedesk.callback.stats.Count;
import com.mallservicedesk.callback.stats.Tally;
import java.util.ArrayList;
import java.util.List;

/**
 * What one callback, as it stands, adds to its month's statistics. A change adds the difference between after and
 * before, so every step counts exactly what it changed (seed 000 §4.9: every callback counts toward the callback rate).
 */
final class CallbackFigures {

    private CallbackFigures() {
    }

    static Tally of(Callback c) {
        List<Count> counts = new ArrayList<>();
        CallbackStatus status = c.getStatus();
        boolean done = status == CallbackStatus.COMPLETED || status == CallbackStatus.REFUSED;
        if (c.getCallbackKind() == CallbackKind.DAILY) {
            counts.add(Count.PROACTIVE_SCHEDULED);
            if (done) {
                counts.add(Count.PROACTIVE_DONE);
            }
            if (Boolean.TRUE.equals(c.getSatisfied())) {
                counts.add(Count.PROACTIVE_SATISFIED);
            }
            return Tally.ofOne(counts.toArray(Count[]::new));
        }
        switch (status) {
            case EXEMPT -> counts.add(Count.EXEMPT);
            case NO_CONTACT -> counts.add(Count.NO_CONTACT);
            default -> {
                counts.add(Count.NEEDING);
                if (done) {
                    counts.add(Count.DONE);
                    if (Boolean.TRUE.equals(c.getOnTime())) {
                        counts.add(Count.ON_TIME);
                    }
                }
                if (status == CallbackStatus.REFUSED) {
                    counts.add(Count.REFUSED);
                }
                if (status == CallbackStatus.UNREACHABLE) {
                    counts.add(Count.UNREACHABLE);
                }
                if (c.getOverdueAt() != null) {
                    counts.add(Count.OVERDUE);
                }
                if (status == CallbackStatus.COMPLETED && c.getResult() != null) {
                    answers(c, counts);
                }
            }
        }
        return Tally.ofOne(counts.toArray(Count[]::new));
    }

    private static void answers(Callback c, List<Count> counts) {
        CallbackResult r = c.getResult();
        counts.add(Count.ANSWERED);
        if (Boolean.TRUE.equals(c.getSatisfied())) {
            counts.add(Count.SATISFIED);
        }
        item(counts, r.timeliness(), Count.TIMELINESS_ANSWERED, Count.TIMELINESS_SATISFIED);
        item(counts, r.attitude(), Count.ATTITUDE_ANSWERED, Count.ATTITUDE_SATISFIED);
        item(counts, r.quality(), Count.QUALITY_ANSWERED, Count.QUALITY_SATISFIED);
        if (r.complaintResolved() != null) {
            counts.add(Count.COMPLAINT_ANSWERED);
            if (r.complaintResolved()) {
                counts.add(Count.COMPLAINT_RESOLVED);
            }
            if (Boolean.TRUE.equals(r.outcomeAccepted())) {
                counts.add(Count.OUTCOME_ACCEPTED);
            }
        }
    }

    private static void item(List<Count> counts, Rating rating, Count answered, Count satisfied) {
        if (rating != null) {
            counts.add(answered);
            if (rating.satisfied()) {
                counts.add(satisfied);
            }
        }
    }
}
