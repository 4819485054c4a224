package com.mallservicedesk.intake.complaint;

import java.time.Instant;

/**
 * One recorded step of the register: when, by whom, and what was said or found.
 *
 * @param by         the user who recorded it; {@code dispatch} for an investigation taken from the completed work order
 * @param department the department that investigated (investigation only)
 * @param satisfied  whether the customer accepted the answer (feedback only; null if not asked)
 */
public record ComplaintStep(Instant at, String by, String note, String department, Boolean satisfied) {

    static ComplaintStep of(Instant at, String by, String note) {
        return new ComplaintStep(at, by, note, null, null);
    }
}
