package com.mallservicedesk.claims.claim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A cost of the incident with its original invoice (seed 000 §第三條 4.2.5(1)), followed up until the insurer settles it
 * (4.2.5(4)).
 */
public record Cost(String id, String kind, String description, BigDecimal amountCny, String invoiceNumber,
                   String invoiceEvidenceId, boolean settled, BigDecimal settledAmountCny, Instant settledAt,
                   String recordedBy, Instant recordedAt) {

    Cost settle(BigDecimal amount, Instant at) {
        return new Cost(id, kind, description, amountCny, invoiceNumber, invoiceEvidenceId, true, amount, at, recordedBy,
                recordedAt);
    }
}
