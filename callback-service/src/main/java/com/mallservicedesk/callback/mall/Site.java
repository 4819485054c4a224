package com.mallservicedesk.callback.mall;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.ZoneId;

/**
 * What callback-service knows of one mall from intake's mall settings (contract C1): its kind of site and its desk's
 * working calendar, in the mall's time zone.
 *
 * @param revision the settings' revision this copy holds; 0 while the mall has sent none (the defaults apply)
 */
public record Site(String mallId, SiteKind siteKind, WorkingCalendar desk, long revision) {

    /**
     * A mall intake has not told about yet (C1): the default zone, a mall site, the desk's 12 hours a day (seed 000
     * §3.1.1); a campus is on duty around the clock (seed 001 §二.1).
     */
    public static Site defaults(String mallId, ZoneId zone) {
        return new Site(mallId, SiteKind.MALL, WorkingCalendar.mallDeskHours(zone), 0);
    }

    public ZoneId zone() {
        return desk.zone();
    }

    public boolean campus() {
        return siteKind == SiteKind.CAMPUS;
    }
}
