package com.mallservicedesk.claims.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mall's public-liability policy and how claims under it are handled: the insurer, the policy number the report must
 * give (seed 000 §第三條 4.2.2), the insurer's report endpoint and its credential, the advance cap and the checklist due
 * times. One document per mall, keyed by the mall id.
 *
 * @param insurerCredential sent to the insurer only; never shown by the API or written to logs
 */
@Document("insurance_policies")
public record InsurancePolicy(@Id String mallId, String insurer, String policyNumber, String insurerEndpoint,
                              String insurerCredential, String insurerPhone, BigDecimal advanceCapCny,
                              Map<String, Duration> stepDueTimes, Instant updatedAt, String updatedBy) {

    public boolean hasCredential() {
        return insurerCredential != null && !insurerCredential.isBlank();
    }

    /** The due time configured for a checklist item, or null to use the item's own default. */
    public Duration dueTimeOf(String item) {
        return stepDueTimes == null ? null : stepDueTimes.get(item);
    }
}
