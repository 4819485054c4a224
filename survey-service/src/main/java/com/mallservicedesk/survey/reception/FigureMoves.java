package com.mallservicedesk.survey.reception;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reception figures one event moves, gathered per document (a day, a month without days, the open items) so that
 * {@link PeriodCounters#count} writes each once.
 */
final class FigureMoves {

    /** A period's document: its day, or its month alone for records kept before days were (day null). */
    record Period(String month, String day) {
    }

    private final String mallId;
    private final ZoneId zone;
    private final Map<Period, Tally> periods = new LinkedHashMap<>();
    private final Tally openItems = new Tally();

    FigureMoves(String mallId, ZoneId zone) {
        this.mallId = mallId;
        this.zone = zone;
    }

    /** Counts into the month and the day of a moment in the mall's zone. */
    FigureMoves at(ZonedDateTime when, Tally tally) {
        return in(YearMonth.from(when).toString(), when.toLocalDate().toString(), tally);
    }

    /** Counts into a month and day already decided (a request's or order's own period; no day on old ones). */
    FigureMoves in(String month, String day, Tally tally) {
        if (month != null && !tally.isEmpty()) {
            periods.computeIfAbsent(new Period(month, day), p -> new Tally()).addAll(tally);
        }
        return this;
    }

    /** Moves the mall's open items now. */
    FigureMoves open(Tally tally) {
        openItems.addAll(tally);
        return this;
    }

    String mallId() {
        return mallId;
    }

    ZoneId zone() {
        return zone;
    }

    /** The periods moved, each with what moves in it (nothing empty). */
    Map<Period, Tally> periods() {
        Map<Period, Tally> moved = new LinkedHashMap<>();
        periods.forEach((period, tally) -> {
            if (!tally.isEmpty()) {
                moved.put(period, tally);
            }
        });
        return moved;
    }

    Tally openItems() {
        return openItems;
    }
}
