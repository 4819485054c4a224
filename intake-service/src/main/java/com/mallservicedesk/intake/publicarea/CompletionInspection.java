package com.mallservicedesk.intake.publicarea;

import java.time.Instant;

/**
 * The completion inspection (seed 000 公共區域 §4.4): the property side's own check, not the authorities' acceptance
 * (§4.4.1); what does not conform to the approved plan is listed with a written rectification demand (§4.4.2).
 */
public record CompletionInspection(Instant at, String by, boolean conforming, String nonConformities,
                                   String writtenNote) {
}
