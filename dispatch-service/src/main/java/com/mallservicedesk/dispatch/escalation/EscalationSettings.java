package com.mallservicedesk.dispatch.escalation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mall's escalation contacts (front desk, CS supervisor, CS head, property manager; department heads are kept with
 * their departments) and whether what the CS head cannot resolve goes on to the property manager. One document per
 * mall, read by {@code _id}.
 *
 * @param unresolvedAtCsHeadGoesToManager null in documents from before the setting: read as true (the seed's chart)
 */
@Document("escalation_settings")
record EscalationSettings(@Id String mallId, List<EscalationTarget> contacts, Boolean unresolvedAtCsHeadGoesToManager,
                          Instant updatedAt, String updatedBy) {

    boolean goesToManager() {
        return unresolvedAtCsHeadGoesToManager == null || unresolvedAtCsHeadGoesToManager;
    }

    List<EscalationTarget> contactList() {
        return contacts == null ? List.of() : contacts;
    }
}
