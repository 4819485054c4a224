package com.mallservicedesk.intake.publicarea;

import java.time.Instant;

/** The contractor's filed schedule and completed entry formalities (seed 000 公共區域 §4.2.1). */
public record WorkSchedule(String contractor, String scheduleReference, String by, Instant at) {
}
