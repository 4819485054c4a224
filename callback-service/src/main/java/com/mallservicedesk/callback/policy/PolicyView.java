package com.mallservicedesk.callback.policy;

import com.mallservicedesk.callback.mall.Site;
import com.mallservicedesk.callback.mall.SiteKind;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A mall's policy as the API shows it; {@code defaults} means the mall has not stored its own yet. {@code zone},
 * {@code siteKind} and {@code desk} are intake's mall settings (read only here); {@code settingsRevision} is 0 while
 * intake has sent none for the mall (the defaults apply). {@code overdueAfter} null: the seeds' rule.
 */
record PolicyView(String mallId, CallbackTiming timing, Duration overdueAfter, Targets targets, List<String> kinds,
                  int maxUnreachableAttempts, int dailySampleSize, int supervisorAfterUnsatisfied, String zone,
                  SiteKind siteKind, WorkingCalendar desk, long settingsRevision, boolean defaults, Instant updatedAt,
                  String updatedBy) {

    static PolicyView of(String mallId, CallbackPolicy p, Site site, boolean defaults, Instant updatedAt, String updatedBy) {
        return new PolicyView(mallId, p.timing(), p.overdueAfter(), p.targets(), p.kinds(), p.maxUnreachableAttempts(),
                p.dailySampleSize(), p.supervisorAfterUnsatisfied(), site.zone().getId(), site.siteKind(), site.desk(),
                site.revision(), defaults, updatedAt, updatedBy);
    }
}
