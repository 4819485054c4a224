package com.mallservicedesk.platform.calendar;

import com.mallservicedesk.platform.problem.FieldErrors;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * When someone works: a time zone and opening hours per weekday, or around the clock, with public holidays and
 * make-up working days (调休). The front desk of a mall works 12 hours a day (seed 000 §3.1.1) while a campus
 * service centre is on duty 24 hours (seed 001 §二.1), so service-level clocks ("within 5 minutes", "within X
 * working days") count only working time. Pure arithmetic, shared by every service that keeps such clocks.
 *
 * @param alwaysOpen 24×7; {@code hours}, {@code holidays} and {@code makeUpDays} are ignored (duty never stops)
 * @param hours      the shift that starts on each weekday; a weekday that is missing is a closed day
 * @param holidays   public holidays: no shift starts on these dates
 * @param makeUpDays dates worked with the given shift whatever their weekday (调休 turns a Saturday into a workday)
 */
public record WorkingCalendar(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, OpeningHours> hours,
                              Set<LocalDate> holidays, Map<LocalDate, OpeningHours> makeUpDays) {

    /** A safety net for the search loops: about ten years of dates. */
    private static final int MAX_DAYS = 3700;

    /**
     * The least a shift may last. With the longest clocks counting days, a desk open an hour a week finds every
     * deadline within the safety net; one open a few minutes a day would search for years.
     */
    public static final Duration SHORTEST_SHIFT = Duration.ofHours(1);
    public static final int MAX_HOLIDAYS = 400;
    public static final int MAX_MAKE_UP_DAYS = 100;

    /** The mall desk's default hours: 12 hours a day for calls and visits (seed 000 §3.1.1, §3.2.1). */
    public static final OpeningHours MALL_DESK_HOURS = new OpeningHours(LocalTime.of(9, 0), LocalTime.of(21, 0));

    /**
     * One shift. A close at or before the open means the shift runs past midnight into the next day ({@code 22:00}
     * to {@code 06:00}; {@code 00:00} closes at the midnight that ends the day; equal times are a 24-hour shift).
     */
    public record OpeningHours(LocalTime open, LocalTime close) {

        public boolean valid() {
            return problem() == null;
        }

        /** What is wrong with the shift, or null. */
        String problem() {
            if (open == null || close == null) {
                return "required";
            }
            if (!open.equals(open.truncatedTo(ChronoUnit.MINUTES)) || !close.equals(close.truncatedTo(ChronoUnit.MINUTES))) {
                return "whole-minutes";
            }
            return length().compareTo(SHORTEST_SHIFT) < 0 ? "too-short" : null;
        }

        public boolean pastMidnight() {
            return !close.isAfter(open);
        }

        Duration length() {
            Duration sameDay = Duration.between(open, close);
            return pastMidnight() ? sameDay.plusDays(1) : sameDay;
        }
    }

    public WorkingCalendar {
        hours = hours == null ? Map.of() : Map.copyOf(hours);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        makeUpDays = makeUpDays == null ? Map.of() : Map.copyOf(makeUpDays);
    }

    /** Weekly hours only, no holidays. */
    public WorkingCalendar(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, OpeningHours> hours) {
        this(zone, alwaysOpen, hours, Set.of(), Map.of());
    }

    /** 24-hour duty, every day (seed 001 §二.1). */
    public static WorkingCalendar aroundTheClock(ZoneId zone) {
        return new WorkingCalendar(zone, true, Map.of());
    }

    /** The same shift every day of the week. */
    public static WorkingCalendar daily(ZoneId zone, LocalTime open, LocalTime close) {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, new OpeningHours(open, close));
        }
        return new WorkingCalendar(zone, false, week);
    }

    /** A mall's front desk by default: 09:00–21:00 every day (seed 000 §3.1.1). */
    public static WorkingCalendar mallDeskHours(ZoneId zone) {
        return daily(zone, MALL_DESK_HOURS.open(), MALL_DESK_HOURS.close());
    }

    public WorkingCalendar withZone(ZoneId other) {
        return new WorkingCalendar(other, alwaysOpen, hours, holidays, makeUpDays);
    }

    public boolean hasWorkingTime() {
        return alwaysOpen || !hours.isEmpty();
    }

    /**
     * What is wrong with the calendar, field by field ({@code <prefix>.zone}, {@code <prefix>.hours.<DAY>},
     * {@code <prefix>.holidays}, {@code <prefix>.makeUpDays.<date>}); empty when every deadline counted in it can be
     * found.
     */
    public FieldErrors problems(String prefix) {
        FieldErrors problems = new FieldErrors();
        if (zone == null) {
            problems.add(prefix + ".zone", "required");
        }
        if (alwaysOpen) {
            return problems;
        }
        if (hours.isEmpty()) {
            problems.add(prefix + ".hours", "no-working-time");
        }
        new TreeMap<>(hours).forEach((day, shift) -> {
            String problem = shift == null ? "required" : shift.problem();
            if (problem != null) {
                problems.add(prefix + ".hours." + day, problem);
            }
        });
        if (holidays.size() > MAX_HOLIDAYS) {
            problems.add(prefix + ".holidays", "too-many", Map.of("max", MAX_HOLIDAYS));
        }
        if (makeUpDays.size() > MAX_MAKE_UP_DAYS) {
            problems.add(prefix + ".makeUpDays", "too-many", Map.of("max", MAX_MAKE_UP_DAYS));
        }
        new TreeMap<>(makeUpDays).forEach((date, shift) -> {
            String problem = shift == null ? "required" : shift.problem();
            if (problem == null && holidays.contains(date)) {
                problem = "also-a-holiday";
            }
            if (problem != null) {
                problems.add(prefix + ".makeUpDays." + date, problem);
            }
        });
        return problems;
    }

    /** {@link #problems(String)} under {@code calendar}. */
    public FieldErrors problems() {
        return problems("calendar");
    }

    /** The moment {@code amount} of working time has passed after {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (alwaysOpen) {
            return start.plus(amount);
        }
        Duration left = amount;
        Instant cursor = start;
        for (int i = 0; i < MAX_DAYS; i++) {
            Interval open = nextOpenInterval(cursor).orElseThrow(WorkingCalendar::noWorkingTime);
            Instant from = cursor.isAfter(open.start) ? cursor : open.start;
            Duration available = Duration.between(from, open.end);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
            cursor = open.end;
        }
        throw noWorkingTime();
    }

    /** {@code at} itself when it falls in working time, else the moment the next shift starts. */
    public Instant nextOpening(Instant at) {
        if (alwaysOpen) {
            return at;
        }
        Interval open = nextOpenInterval(at).orElseThrow(WorkingCalendar::noWorkingTime);
        return at.isAfter(open.start) ? at : open.start;
    }

    /**
     * Closing time of the shift {@code at} falls in, or of the next shift when {@code at} is outside working hours:
     * "handled the same day" (seed 000 §4.6). Around the clock, the local midnight that ends the day.
     */
    public Instant endOfWorkingDay(Instant at) {
        if (alwaysOpen) {
            return at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        return nextOpenInterval(at).map(Interval::end).orElseThrow(WorkingCalendar::noWorkingTime);
    }

    /**
     * Closing time of the {@code days}-th working day after the day of {@code start} ("within X working days",
     * seeds 003 §2, 004); 0 days is the end of the working day {@code start} falls in.
     */
    public Instant addWorkingDays(Instant start, int days) {
        if (days <= 0) {
            return endOfWorkingDay(start);
        }
        LocalDate date = start.atZone(zone).toLocalDate();
        int counted = 0;
        for (int i = 0; i < MAX_DAYS; i++) {
            date = date.plusDays(1);
            Interval shift = alwaysOpen ? null : intervalOn(date);
            if (alwaysOpen || shift != null) {
                counted++;
                if (counted >= days) {
                    return alwaysOpen ? date.plusDays(1).atStartOfDay(zone).toInstant() : shift.end;
                }
            }
        }
        throw noWorkingTime();
    }

    public boolean isOpen(Instant at) {
        if (alwaysOpen) {
            return true;
        }
        return nextOpenInterval(at).map(open -> !at.isBefore(open.start)).orElse(false);
    }

    /** Whether a shift starts on {@code date}: a working day. */
    public boolean isWorkingDay(LocalDate date) {
        return alwaysOpen || intervalOn(date) != null;
    }

    /**
     * The first shift, in order of start, that has not ended at {@code at}. Starting from the day before catches a
     * shift that began yesterday and runs past midnight (a shift lasts at most 24 hours).
     */
    private Optional<Interval> nextOpenInterval(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++) {
            Interval interval = intervalOn(date.plusDays(i));
            if (interval != null && at.isBefore(interval.end)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }

    private Interval intervalOn(LocalDate date) {
        OpeningHours shift = makeUpDays.get(date);
        if (shift == null) {
            shift = holidays.contains(date) ? null : hours.get(date.getDayOfWeek());
        }
        if (shift == null) {
            return null;
        }
        Instant start = date.atTime(shift.open()).atZone(zone).toInstant();
        LocalDate closingDate = shift.pastMidnight() ? date.plusDays(1) : date;
        Instant end = closingDate.atTime(shift.close()).atZone(zone).toInstant();
        return new Interval(start, end);
    }

    private static IllegalStateException noWorkingTime() {
        return new IllegalStateException("calendar has no working time");
    }

    private record Interval(Instant start, Instant end) {
    }
}
