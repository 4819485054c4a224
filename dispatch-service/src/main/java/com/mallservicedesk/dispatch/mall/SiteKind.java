package com.mallservicedesk.dispatch.mall;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.ZoneId;

/** What kind of site a mall of the platform is, which decides its default desk hours. */
public enum SiteKind {
    /** A shopping mall: calls and visits 12 hours a day (seed 000 §3.1.1, §3.2.1). */
    MALL,
    /** A campus service centre: 24-hour duty (seed 001 §二.1). */
    CAMPUS;

    public WorkingCalendar defaultDeskHours(ZoneId zone) {
        return this == CAMPUS ? WorkingCalendar.aroundTheClock(zone) : WorkingCalendar.mallDeskHours(zone);
    }

    static SiteKind parse(String value, SiteKind fallback) {
        try {
            return value == null ? fallback : SiteKind.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
