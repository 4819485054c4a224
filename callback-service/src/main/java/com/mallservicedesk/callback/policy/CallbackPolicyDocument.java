package com.mallservicedesk.callback.policy;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mall's stored callback policy (a setting, not an aggregate: it causes no events); durations as ISO-8601 text. The
 * desk's hours are not part of it: they come from intake's mall settings. A policy stored before the supervisor's
 * threshold existed reads 0 there, which means the default.
 */
@Document("callback_policies")
record CallbackPolicyDocument(@Id String mallId, CallbackTiming timing, String overdueAfter, Targets targets,
                              List<String> kinds, int maxUnreachableAttempts, int dailySampleSize,
                              int supervisorAfterUnsatisfied, Instant updatedAt, String updatedBy) {

    static CallbackPolicyDocument of(String mallId, CallbackPolicy p, Instant now, String by) {
        return new CallbackPolicyDocument(mallId, p.timing(), p.overdueAfter() == null ? null : p.overdueAfter().toString(),
                p.targets(), p.kinds(), p.maxUnreachableAttempts(), p.dailySampleSize(), p.supervisorAfterUnsatisfied(),
                now, by);
    }

    CallbackPolicy policy(WorkingCalendar desk) {
        return new CallbackPolicy(timing, overdueAfter == null ? null : Duration.parse(overdueAfter), targets, kinds,
                maxUnreachableAttempts, dailySampleSize, supervisorAfterUnsatisfied, desk);
    }
}
