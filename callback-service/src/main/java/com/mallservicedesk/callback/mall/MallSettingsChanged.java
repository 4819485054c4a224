package com.mallservicedesk.callback.mall;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Instant;

/**
 * Callback-service's trimmed copy of intake's {@code mall.intake.mall-settings.changed.v1} (contract C1); other
 * fields are ignored. {@code deskHours} may be absent: the site kind's default calendar applies.
 */
record MallSettingsChanged(String mallId, Long revision, String timeZone, SiteKind siteKind, WorkingCalendar deskHours,
                           Instant changedAt) {
}
