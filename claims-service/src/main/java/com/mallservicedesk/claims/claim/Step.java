package com.mallservicedesk.claims.claim;

import java.time.Instant;

/** One line of the claim's timeline, for the file and the special incident report. */
public record Step(Instant at, String action, String by, String detail) {
}
