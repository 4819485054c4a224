package com.mallservicedesk.claims.claim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An advance of treatment costs paid for the injured (墊付, seed 000 §第三條 4.2.3(7)). Within the mall's cap it is paid
 * at once; above it, it waits for the property manager's approval.
 */
public record Advance(String id, BigDecimal amountCny, String purpose, String paidTo, Status status, Instant requestedAt,
                      String requestedBy, Instant approvedAt, String approvedBy, String approvalReason) {

    public enum Status {
        PAID, AWAITING_APPROVAL, APPROVED;

        /** Whether the money counts as advanced. */
        boolean counts() {
            return this != AWAITING_APPROVAL;
        }
    }

    Advance approve(Instant at, String by, String reason) {
        return new Advance(id, amountCny, purpose, paidTo, Status.APPROVED, requestedAt, requestedBy, at, by, reason);
    }

    boolean sameAs(BigDecimal amount, String otherPurpose, String otherPaidTo) {
        return amountCny.compareTo(amount) == 0 && purpose.equals(otherPurpose) && paidTo.equals(otherPaidTo);
    }
}
