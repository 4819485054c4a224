package com.mallservicedesk.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mall's stored policy; durations as ISO-8601 strings. Policies stored before the complaint hand-over moved to
 * intake still hold {@code complaintToSupervisorWithin}; it is ignored when read and dropped at the next save.
 */
@Document("sla_policies")
record SlaPolicyDocument(@Id String mallId, String dispatchWithin, String contactWithin, boolean sameDayHandling,
                         String repairCompletionWithin, int complaintInvestigationWorkingDays, Instant updatedAt, String updatedBy) {

    static SlaPolicyDocument of(String mallId, SlaPolicy p, Instant now, String by) {
        return new SlaPolicyDocument(mallId, p.dispatchWithin().toString(), p.contactWithin().toString(), p.sameDayHandling(),
                p.repairCompletionWithin().toString(), p.complaintInvestigationWorkingDays(), now, by);
    }

    SlaPolicy policy() {
        return new SlaPolicy(Duration.parse(dispatchWithin), Duration.parse(contactWithin), sameDayHandling,
                Duration.parse(repairCompletionWithin), complaintInvestigationWorkingDays);
    }
}
