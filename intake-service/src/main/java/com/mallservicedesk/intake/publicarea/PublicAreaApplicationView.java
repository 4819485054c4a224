package com.mallservicedesk.intake.publicarea;

import java.time.Instant;
import java.util.List;

/** A public-area usage application with every step recorded on it. */
public record PublicAreaApplicationView(String id, String mallId, Applicant applicant, Area area, String purpose,
                                        Instant from, Instant to, String planReference, ApplicationStatus status,
                                        String submittedBy, Instant submittedAt, List<Opinion> opinions,
                                        Decision decision, WorkSchedule schedule, List<Inspection> inspections,
                                        List<CompletionInspection> completionInspections, Instant closedAt) {

    static PublicAreaApplicationView of(PublicAreaApplication a) {
        return new PublicAreaApplicationView(a.getId(), a.getMallId(), a.getApplicant(), a.getArea(), a.getPurpose(),
                a.getFrom(), a.getTo(), a.getPlanReference(), a.getStatus(), a.getSubmittedBy(), a.getSubmittedAt(),
                a.getOpinions(), a.getDecision(), a.getSchedule(), a.getInspections(), a.getCompletionInspections(),
                a.getClosedAt());
    }
}
