package com.mallservicedesk.claims.claim;

import java.time.Instant;

/**
 * The report by telephone to the insurer's line (95518, seed 000 §第三條 4.2.2(1)), recorded by hand. {@code phone} is
 * the insurer's public service line from the mall's policy, not a person's number: it is shown as it is to everyone.
 */
public record PhoneReport(Instant calledAt, String phone, String insurerReference, String note, String recordedBy,
                          Instant recordedAt) {
}
