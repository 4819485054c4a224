package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ChecklistItem;
import java.time.Instant;

/**
 * One step of the seed's checklist on a claim: who did it and when, or why it does not apply.
 *
 * @param dueAt   set when the item's stage begins; a durable timer fires then if the item is still open
 * @param overdue set once, when that timer fired
 */
public record CheckItem(ChecklistItem item, Status status, Instant dueAt, Instant doneAt, String doneBy, String note,
                        boolean overdue, Instant overdueAt) {

    public enum Status { OPEN, DONE, NOT_APPLICABLE }

    static CheckItem open(ChecklistItem item) {
        return new CheckItem(item, Status.OPEN, null, null, null, null, false, null);
    }

    boolean isOpen() {
        return status == Status.OPEN;
    }

    CheckItem due(Instant at) {
        return new CheckItem(item, status, at, doneAt, doneBy, note, overdue, overdueAt);
    }

    CheckItem done(Status newStatus, Instant at, String by, String withNote) {
        return new CheckItem(item, newStatus, dueAt, at, by, withNote, overdue, overdueAt);
    }

    CheckItem markOverdue(Instant at) {
        return new CheckItem(item, status, dueAt, doneAt, doneBy, note, true, at);
    }
}
