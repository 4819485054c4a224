package com.mallservicedesk.callback.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A mall's policy as the API shows it; {@code defaults} means the mall has not stored its own yet. */
record PolicyView(String mallId, CallbackTiming timing, Duration overdueAfter, Targets targets, List<String> kinds,
                  int maxUnreachableAttempts, int dailySampleSize, DeskHours desk, boolean defaults, Instant updatedAt,
                  String updatedBy) {

    static PolicyView of(String mallId, CallbackPolicy p, boolean defaults, Instant updatedAt, String updatedBy) {
        return new PolicyView(mallId, p.timing(), p.overdueAfter(), p.targets(), p.kinds(), p.maxUnreachableAttempts(),
                p.dailySampleSize(), p.desk(), defaults, updatedAt, updatedBy);
    }
}
