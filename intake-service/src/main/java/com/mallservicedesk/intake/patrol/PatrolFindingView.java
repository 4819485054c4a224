package com.mallservicedesk.intake.patrol;

import java.time.Instant;
import java.util.List;

/** A patrol finding as supervisors, managers and the responsible department see it. */
public record PatrolFindingView(String id, String mallId, Place place, String description, Responsible responsible,
                                Instant deadline, FindingStatus status, boolean overdue, String recordedBy,
                                Instant recordedAt, List<ProgressNote> progress, String rectificationNote,
                                String rectifiedBy, Instant rectifiedAt, Instant overdueAt) {

    static PatrolFindingView of(PatrolFinding f) {
        return new PatrolFindingView(f.getId(), f.getMallId(), f.getPlace(), f.getDescription(), f.getResponsible(),
                f.getDeadline(), f.getStatus(), f.isOverdue(), f.getRecordedBy(), f.getRecordedAt(), f.getProgress(),
                f.getRectificationNote(), f.getRectifiedBy(), f.getRectifiedAt(), f.getOverdueAt());
    }
}
