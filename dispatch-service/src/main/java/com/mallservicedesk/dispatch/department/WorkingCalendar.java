package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.platform.problem.FieldErrors;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * When a department works: its own time zone and opening hours per weekday, or around the clock. The front
 * desk may work 10:00–22:00 (seed 000 §3.1.1: 12 h a day) while security is on duty 24×7 (seed 001 §二.1), so
 * service-level clocks count only the assigned department's working time.
 *
 * @param alwaysOpen 24×7; {@code hours} is ignored
 * @param hours      opening hours per weekday; a weekday that is missing is a closed day
 */
public record WorkingCalendar(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, OpeningHours> hours) {

    /** A safety net for the search loops: a calendar with no open day at all never reaches a deadline. */
    private static final int MAX_DAYS = 3700;

    /**
     * The least an open day may last. With service levels of at most a day of working time (see the SLA limits), a
     * department open an hour a week finds every deadline within 24 weeks, far inside the search's safety net; a
     * department open a few minutes a day would search for years.
     */
    public static final Duration SHORTEST_DAY = Duration.ofHours(1);

    /** @param close {@code 00:00} means midnight at the end of the day: the explicit way to work until midnight */
    public record OpeningHours(LocalTime open, LocalTime close) {

        public boolean valid() {
            return problem() == null;
        }

        /** What is wrong with the day's hours, or null. */
        String problem() {
            if (open == null || close == null) {
                return "required";
            }
            if (!open.equals(open.truncatedTo(ChronoUnit.MINUTES)) || !close.equals(close.truncatedTo(ChronoUnit.MINUTES))) {
                return "whole-minutes";
            }
            if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
                return "close-before-open";
            }
            return length().compareTo(SHORTEST_DAY) < 0 ? "too-short" : null;
        }

        private Duration length() {
            return close.equals(LocalTime.MIDNIGHT) ? Duration.between(open, LocalTime.MAX).plusNanos(1)
                    : Duration.between(open, close);
        }
    }

    public WorkingCalendar {
        hours = hours == null ? Map.of() : Map.copyOf(hours);
    }

    public static WorkingCalendar aroundTheClock(ZoneId zone) {
        return new WorkingCalendar(zone, true, Map.of());
    }

    public boolean hasWorkingTime() {
        return alwaysOpen || !hours.isEmpty();
    }

    /**
     * What is wrong with the calendar, field by field ({@code calendar.zone}, {@code calendar.hours},
     * {@code calendar.hours.<DAY>}); empty when every deadline counted in it can be found.
     */
    public FieldErrors problems() {
        FieldErrors problems = new FieldErrors();
        if (zone == null) {
            problems.add("calendar.zone", "required");
        }
        if (alwaysOpen) {
            return problems;
        }
        if (hours.isEmpty()) {
            problems.add("calendar.hours", "no-working-time");
        }
        hours.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(day -> {
            String problem = day.getValue().problem();
            if (problem != null) {
                problems.add("calendar.hours." + day.getKey(), problem);
            }
        });
        return problems;
    }

    /** The moment {@code amount} of working time has passed after {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (alwaysOpen) {
            return start.plus(amount);
        }
        Duration left = amount;
        Instant cursor = start;
        for (int i = 0; i < MAX_DAYS; i++) {
            Optional<Interval> next = nextOpenInterval(cursor);
            if (next.isEmpty()) {
                break;
            }
            Interval open = next.get();
            Instant from = cursor.isAfter(open.start) ? cursor : open.start;
            Duration available = Duration.between(from, open.end);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
            cursor = open.end;
        }
        throw new IllegalStateException("calendar has no working time");
    }

    /**
     * Closing time of the working day {@code at} falls in, or of the next working day when {@code at} is outside
     * working hours: "handled the same day" (seed 000 §4.6). Around the clock, the local midnight that ends the day.
     */
    public Instant endOfWorkingDay(Instant at) {
        if (alwaysOpen) {
            return at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        return nextOpenInterval(at).map(Interval::end).orElseThrow(() -> new IllegalStateException("calendar has no working time"));
    }

    /** Closing time of the {@code days}-th working day after the day of {@code start} (seed 003: "within X working days"). */
    public Instant addWorkingDays(Instant start, int days) {
        LocalDate date = start.atZone(zone).toLocalDate();
        int counted = 0;
        for (int i = 0; i < MAX_DAYS; i++) {
            date = date.plusDays(1);
            if (alwaysOpen || hours.containsKey(date.getDayOfWeek())) {
                counted++;
                if (counted >= days) {
                    return alwaysOpen ? date.plusDays(1).atStartOfDay(zone).toInstant() : intervalOn(date).end;
                }
            }
        }
        throw new IllegalStateException("calendar has no working time");
    }

    public boolean isOpen(Instant at) {
        if (alwaysOpen) {
            return true;
        }
        Interval today = intervalOn(at.atZone(zone).toLocalDate());
        return today != null && !at.isBefore(today.start) && at.isBefore(today.end);
    }

    /** The open interval containing {@code at}, or the next one after it. */
    private Optional<Interval> nextOpenInterval(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++) {
            Interval interval = intervalOn(date.plusDays(i));
            if (interval != null && at.isBefore(interval.end)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }

    private Interval intervalOn(LocalDate date) {
        OpeningHours day = hours.get(date.getDayOfWeek());
        if (day == null) {
            return null;
        }
        ZonedDateTime start = date.atTime(day.open()).atZone(zone);
        ZonedDateTime end = day.close().equals(LocalTime.MIDNIGHT)
                ? date.plusDays(1).atStartOfDay(zone)
                : date.atTime(day.close()).atZone(zone);
        return new Interval(start.toInstant(), end.toInstant());
    }

    private record Interval(Instant start, Instant end) {
    }
}
