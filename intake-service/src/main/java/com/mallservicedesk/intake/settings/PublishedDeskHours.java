package com.mallservicedesk.intake.settings;

import com.mallservicedesk.intake.settings.StoredDeskHours.Shift;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A working calendar as the event and the settings answer write it, field for field the kit's {@link WorkingCalendar}
 * JSON with times as {@code "09:00"} (contract C1), so any consumer reads it straight into a {@link WorkingCalendar}.
 */
public record PublishedDeskHours(String zone, boolean alwaysOpen, Map<String, Shift> hours, List<String> holidays,
                                 Map<String, Shift> makeUpDays) {

    public static PublishedDeskHours of(WorkingCalendar calendar) {
        var stored = StoredDeskHours.of(calendar);
        return new PublishedDeskHours(calendar.zone().getId(), stored.alwaysOpen(), stored.hours(), stored.holidays(),
                stored.makeUpDays());
    }

    public WorkingCalendar calendar() {
        return new StoredDeskHours(alwaysOpen, hours, holidays, makeUpDays).in(ZoneId.of(zone));
    }
}
