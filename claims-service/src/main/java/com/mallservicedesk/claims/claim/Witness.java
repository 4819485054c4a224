package com.mallservicedesk.claims.claim;

import java.time.Instant;

/**
 * An uninvolved witness: contact details and, where needed, a short signed statement (seed 000 §第三條 4.2.4(2)).
 *
 * @param statementEvidenceId the scanned signed statement among the claim's evidence, if uploaded
 */
public record Witness(String id, String name, String contact, String statement, boolean signed,
                      String statementEvidenceId, String recordedBy, Instant recordedAt) {
}
