package com.mallservicedesk.intake.patrol;

import java.time.Instant;

/** A step of the rectification, as the responsible department or the supervisor reported it. */
public record ProgressNote(Instant at, String by, String department, String note) {
}
