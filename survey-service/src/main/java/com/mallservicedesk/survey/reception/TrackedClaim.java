package com.mallservicedesk.survey.reception;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What survey keeps of one claim file, by its id: whether it is archived and how. */
@Document("tracked_claims")
record TrackedClaim(@Id String claimId, String mallId, String requestId, Instant openedAt, String outcome,
                    Instant archivedAt) {
}
