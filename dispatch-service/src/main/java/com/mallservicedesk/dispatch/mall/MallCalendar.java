package com.mallservicedesk.dispatch.mall;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.ZoneId;

/**
 * What dispatch knows of a mall's time: its one time zone (every clock, day boundary and date filter of the mall) and
 * its desk hours (the working time of every department without a calendar of its own).
 *
 * @param revision the settings revision it comes from; 0 for a mall intake has not described yet (the defaults)
 */
public record MallCalendar(String mallId, long revision, ZoneId zone, SiteKind siteKind, WorkingCalendar deskHours) {
}
