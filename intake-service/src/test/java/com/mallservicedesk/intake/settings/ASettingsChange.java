package com.mallservicedesk.intake.settings;

import com.mallservicedesk.intake.settings.MallIntakeSettings.Change;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.ZoneId;

/** Test data: a settings change as a supervisor sends it, only the required settings unless told otherwise. */
final class ASettingsChange {

    static final IntakeDefaults DEFAULTS = new IntakeDefaults(Duration.ofMinutes(5), Duration.ofMinutes(30), null,
            ZoneId.of("Asia/Shanghai"), SiteKind.MALL, Duration.ofMinutes(30), 3, 5, 1, 5);

    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private SiteKind siteKind;
    private WorkingCalendar deskHours;
    private Duration handover;
    private Integer investigationDays;

    static ASettingsChange aChange() {
        return new ASettingsChange();
    }

    ASettingsChange in(String zone) {
        this.zone = ZoneId.of(zone);
        return this;
    }

    ASettingsChange forA(SiteKind kind) {
        this.siteKind = kind;
        return this;
    }

    ASettingsChange withDeskHours(WorkingCalendar hours) {
        this.deskHours = hours;
        return this;
    }

    ASettingsChange handingOverWithin(Duration limit) {
        this.handover = limit;
        return this;
    }

    ASettingsChange investigatingWithin(int days) {
        this.investigationDays = days;
        return this;
    }

    Change build() {
        return new Change(Duration.ofMinutes(5), Duration.ofMinutes(30), zone, siteKind, deskHours, handover,
                investigationDays, null, null, null, null);
    }
}
