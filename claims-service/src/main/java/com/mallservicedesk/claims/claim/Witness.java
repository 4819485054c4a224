package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Instant;

/**
 * An uninvolved witness: contact details and, where needed, a short signed statement (seed 000 §第三條 4.2.4(2)).
 *
 * @param statementEvidenceId the scanned signed statement among the claim's evidence, if uploaded
 */
public record Witness(String id, String name, String contact, String statement, boolean signed,
                      String statementEvidenceId, String recordedBy, Instant recordedAt) {

    /** The witness as {@code viewer} may see them: the contact follows the claim file's disclosure rule. */
    public Witness seenBy(PlatformUser viewer) {
        return new Witness(id, name, Contacts.shown(viewer, contact), statement, signed, statementEvidenceId, recordedBy,
                recordedAt);
    }
}
