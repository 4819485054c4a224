package com.mallservicedesk.intake.complaint;

import java.time.Instant;
import java.util.List;

/**
 * The complaint register as the front desk and supervisors see it. It holds no contact data: the customer's is on
 * the request.
 *
 * @param clocks every clock started so far, in the order of the steps
 * @param onTime every clock started so far was met (so far)
 */
public record ComplaintView(String requestId, String number, ComplaintStage stage, boolean open, Instant receivedAt,
                            ComplaintStep handover, ComplaintStep investigation, ComplaintStep review,
                            ComplaintStep feedback, ComplaintStep conclusion, String withdrawnBecause,
                            List<Clock> clocks, boolean onTime) {

    /**
     * @param status RUNNING (not done, not yet due), MISSED (passed undone; stays MISSED once done late), MET (done in
     *               time), LATE (done after its due time before its timer fired)
     */
    public record Clock(ComplaintClock clock, Instant dueAt, Instant doneAt, Instant missedAt, String status) {
    }

    static ComplaintView of(ComplaintRegister r) {
        List<Clock> clocks = java.util.Arrays.stream(ComplaintClock.values())
                .filter(c -> r.getClocks().containsKey(c.name()))
                .map(c -> {
                    ClockState s = r.getClocks().get(c.name());
                    String status = s.missedAt() != null ? "MISSED" : s.running() ? "RUNNING" : s.met() ? "MET" : "LATE";
                    return new Clock(c, s.dueAt(), s.doneAt(), s.missedAt(), status);
                })
                .toList();
        boolean onTime = r.getClocks().values().stream()
                .allMatch(s -> s.missedAt() == null && (s.running() || s.met()));
        return new ComplaintView(r.getId(), r.getNumber(), r.getStage(), r.isOpen(), r.getReceivedAt(), r.getHandover(),
                r.getInvestigation(), r.getReview(), r.getFeedback(), r.getConclusion(), r.getWithdrawnBecause(),
                clocks, onTime);
    }
}
