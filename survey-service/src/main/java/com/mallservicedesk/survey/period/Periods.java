package com.mallservicedesk.survey.period;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The periods reports are asked for, read from request parameters and paths: a month {@code YYYY-MM}, a day
 * {@code YYYY-MM-DD}, an ISO week {@code YYYY-Www}, each from 2000 to 2099. Anything else ({@code 2026-13}, {@code ../},
 * year 999999999) is a 400 problem naming the field, so no period arithmetic runs out of range and no report is
 * published for a period that cannot have figures.
 */
public final class Periods {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private Periods() {
    }

    public static YearMonth month(String field, String value) {
        if (value == null || !MONTH.matcher(value).matches()) {
            throw invalid(field, "invalid-value");
        }
        try {
            YearMonth month = YearMonth.parse(value);
            return inRange(field, month, month.getYear());
        } catch (DateTimeParseException e) {
            throw invalid(field, "invalid-value");
        }
    }

    public static LocalDate day(String field, String value) {
        if (value == null || !DAY.matcher(value).matches()) {
            throw invalid(field, "invalid-value");
        }
        try {
            LocalDate day = LocalDate.parse(value);
            return inRange(field, day, day.getYear());
        } catch (DateTimeParseException e) {
            throw invalid(field, "invalid-value");
        }
    }

    /** The Monday of an ISO week; a bad week is the 400 {@code week-invalid} problem reports have always answered. */
    public static LocalDate monday(String value) {
        if (value == null || !WEEK.matcher(value).matches()) {
            throw ApiException.badRequest("week-invalid", value == null ? null : abbreviated(value));
        }
        try {
            LocalDate monday = LocalDate.parse(value + "-1", DateTimeFormatter.ISO_WEEK_DATE).with(DayOfWeek.MONDAY);
            if (monday.getYear() < FIRST_YEAR || monday.getYear() > LAST_YEAR) {
                throw ApiException.badRequest("week-invalid", value);
            }
            return monday;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("week-invalid", value);
        }
    }

    private static <T> T inRange(String field, T value, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw invalid(field, "out-of-range");
        }
        return value;
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static ApiException invalid(String field, String code) {
        return new FieldErrors().add(field, code).problem(HttpStatus.BAD_REQUEST, "invalid-field");
    }
}
