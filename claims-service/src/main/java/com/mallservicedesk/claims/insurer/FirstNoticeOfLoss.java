package com.mallservicedesk.claims.insurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The report to the insurer (報案, seed 000 §第三條 4.2.2): place, time and date, the policy number, a short account,
 * the parties, the injured (with third parties and the employer of the injured), the damage and the estimated loss.
 * ID numbers are not sent: the insurer asks for documents when it handles the claim.
 *
 * @param reportId our claim id; the insurer deduplicates a resent report on it (also the {@code Idempotency-Key})
 */
public record FirstNoticeOfLoss(String reportId, String mallId, String policyNumber, Instant occurredAt, LocalDate date,
                                LocalTime time, String place, String category, String account, List<String> parties,
                                List<Injured> injured, List<String> thirdParties, String damage, String estimatedLossCny,
                                String reporter) {

    public record Injured(String name, String employer, String injury) {
    }
}
