package com.mallservicedesk.claims.claim;

import java.time.Instant;

/**
 * An earlier request at the same place, kept in the claim file: a spill reported on that floor and zone before the fall
 * tells the investigation what was known.
 *
 * @param how AUTO when claims found it at the same floor and zone shortly before, MANUAL when someone linked it
 */
public record LinkedRequest(String requestId, String number, String kind, String description, Instant receivedAt,
                            How how, String note, String linkedBy, Instant linkedAt) {

    public enum How { AUTO, MANUAL }
}
