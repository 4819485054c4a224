package com.mallservicedesk.callback.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * When the front desk works, in the mall's time zone: 12 hours a day in a mall (seed 000 §3.1.1, here 10:00–22:00),
 * around the clock on a campus (seed 001 §二.1). Callback due times and the overdue clock count only this working time.
 * Times are stored as {@code HH:mm} text; {@code closes = 00:00} means midnight at the end of the day.
 *
 * @param closedDays weekdays the desk does not work (none by default: malls open every day)
 */
public record DeskHours(@NotBlank String zone, boolean alwaysOpen,
                        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String opens,
                        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String closes,
                        List<DayOfWeek> closedDays) {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";
    public static final DeskHours MALL = new DeskHours(DEFAULT_ZONE, false, "10:00", "22:00", List.of());
    public static final DeskHours AROUND_THE_CLOCK = new DeskHours(DEFAULT_ZONE, true, null, null, List.of());

    /** A safety net for the day loops; a desk closed on every weekday is refused before it gets here. */
    private static final int MAX_DAYS = 3700;

    public DeskHours {
        closedDays = closedDays == null ? List.of() : closedDays.stream().distinct().sorted().toList();
    }

    /** Why these hours cannot be used, or null if they can. */
    public String problem() {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            return "zone";
        }
        if (closedDays.size() >= 7) {
            return "closedDays";
        }
        if (alwaysOpen) {
            return null;
        }
        if (opens == null || closes == null) {
            return opens == null ? "opens" : "closes";
        }
        LocalTime open = LocalTime.parse(opens);
        LocalTime close = LocalTime.parse(closes);
        return close.equals(LocalTime.MIDNIGHT) || close.isAfter(open) ? null : "closes";
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zoneId()).toLocalDate();
    }

    public boolean isWorkingDay(LocalDate date) {
        return !closedDays.contains(date.getDayOfWeek());
    }

    /** The desk's working time on a working day. */
    public Duration dayLength() {
        return alwaysOpen ? Duration.ofHours(24) : Duration.between(openingOf(LocalDate.EPOCH), closingOf(LocalDate.EPOCH));
    }

    public Instant openingOf(LocalDate date) {
        return alwaysOpen ? date.atStartOfDay(zoneId()).toInstant() : date.atTime(LocalTime.parse(opens)).atZone(zoneId()).toInstant();
    }

    public Instant closingOf(LocalDate date) {
        if (alwaysOpen || LocalTime.parse(closes).equals(LocalTime.MIDNIGHT)) {
            return date.plusDays(1).atStartOfDay(zoneId()).toInstant();
        }
        return date.atTime(LocalTime.parse(closes)).atZone(zoneId()).toInstant();
    }

    /** The first working day after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return workingDayOnOrAfter(date.plusDays(1));
    }

    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < MAX_DAYS && !isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The moment {@code amount} of desk working time has passed after {@code start} (time outside desk hours does not count). */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (alwaysOpen && closedDays.isEmpty()) {
            return start.plus(amount);
        }
        Duration left = amount;
        LocalDate day = dateOf(start);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant open = openingOf(day);
            Instant close = closingOf(day);
            if (!close.isAfter(start)) {
                continue;
            }
            Instant from = start.isAfter(open) ? start : open;
            Duration available = Duration.between(from, close);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("the desk has no working time");
    }
}
