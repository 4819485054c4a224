package com.mallservicedesk.survey.report;

import com.mallservicedesk.platform.problem.ApiException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;

/** The kinds of report publications and how their periods are written. */
public final class ReportKinds {

    public static final String MONTHLY = "MONTHLY";
    public static final String DAILY = "DAILY";
    public static final String WEEKLY = "WEEKLY";

    private ReportKinds() {
    }

    /** The ISO week of a day, written {@code 2026-W48}. */
    public static String week(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of an ISO week written {@code 2026-W48}; a 400 problem otherwise. */
    public static LocalDate monday(String week) {
        try {
            return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE).with(DayOfWeek.MONDAY);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.badRequest("week-invalid", week);
        }
    }
}
