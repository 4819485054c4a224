package com.mallservicedesk.intake.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One step of a request's history, so the front desk can answer "where is my repair?" without calling
 * around. {@code id} is the id of the event that caused it, which makes recording it idempotent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String id, String type, Instant at, String by, String department, String workOrderId,
                            String note, Instant promisedAt, Integer level, String toRole, Integer round,
                            Boolean satisfied, String claimId, String relatedRequestId) {

    static TimelineEntry of(String id, String type, Instant at, String by, String note) {
        return new TimelineEntry(id, type, at, by, null, null, note, null, null, null, null, null, null, null);
    }

    TimelineEntry withRelated(String requestId) {
        return new TimelineEntry(id, type, at, by, department, workOrderId, note, promisedAt, level, toRole, round,
                satisfied, claimId, requestId);
    }
}
