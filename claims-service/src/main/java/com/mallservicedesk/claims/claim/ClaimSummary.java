package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ClaimStage;
import java.time.Instant;

/** A line of the claims list: no personal data. */
record ClaimSummary(String id, String requestId, String requestNumber, Claim.Source source, IncidentCategory category,
                    Location location, Instant occurredAt, Instant openedAt, ClaimStage stage, ClaimStatus status,
                    String handlerName, long overdueSteps) {

    static ClaimSummary of(Claim c) {
        return new ClaimSummary(c.getId(), c.getRequestId(), c.getRequestNumber(), c.getSource(), c.getCategory(),
                c.getLocation(), c.getOccurredAt(), c.getOpenedAt(), c.getStage(), c.getStatus(), c.getHandlerName(),
                c.getChecklist().stream().filter(i -> i.isOpen() && i.overdue()).count());
    }
}
