package com.mallservicedesk.claims.evidence;

/**
 * A file kept in GridFS for a claim.
 *
 * @param thumbnailId a small JPEG of an image, for the incident report; null for documents
 * @param sha256      hex checksum of the file as received
 */
public record StoredFile(String fileId, String thumbnailId, String filename, String contentType, long size,
                         String sha256) {
}
