package com.mallservicedesk.claims.claim;

import java.time.Instant;

/**
 * A photo or document kept for a claim (seed 000 §第三條 4.2.4, 4.2.5); the file itself is in GridFS.
 *
 * @param takenAt      when the photo was taken (the camera's date and time must be right, 4.2.4(3)A)
 * @param placeWritten the place as written on paper in the photo (4.2.4(3)B)
 */
public record EvidenceItem(String id, Kind kind, String fileId, String thumbnailId, String filename, String contentType,
                           long size, String sha256, Instant takenAt, String placeWritten, String description,
                           String uploadedBy, Instant uploadedAt) {

    public enum Kind { PHOTO, POLICE_REPORT, WITNESS_STATEMENT, INVOICE, INSURER_FORM, OTHER }
}
