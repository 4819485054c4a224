package com.mallservicedesk.callback.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A mall's stored callback policy (a setting, not an aggregate: it causes no events); durations as ISO-8601 text. */
@Document("callback_policies")
record CallbackPolicyDocument(@Id String mallId, CallbackTiming timing, String overdueAfter, Targets targets,
                              List<String> kinds, int maxUnreachableAttempts, int dailySampleSize, DeskHours desk,
                              Instant updatedAt, String updatedBy) {

    static CallbackPolicyDocument of(String mallId, CallbackPolicy p, Instant now, String by) {
        return new CallbackPolicyDocument(mallId, p.timing(), p.overdueAfter().toString(), p.targets(), p.kinds(),
                p.maxUnreachableAttempts(), p.dailySampleSize(), p.desk(), now, by);
    }

    CallbackPolicy policy() {
        return new CallbackPolicy(timing, Duration.parse(overdueAfter), targets, kinds, maxUnreachableAttempts,
                dailySampleSize, desk);
    }
}
