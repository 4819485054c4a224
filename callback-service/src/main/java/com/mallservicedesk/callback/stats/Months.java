package com.mallservicedesk.callback.stats;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Months in request parameters, {@code YYYY-MM} from 2000-01 to 2099-12: a month the platform can have figures for.
 * Anything else ({@code 2026-13}, {@code ../}, year 999999999) is a 400 problem naming the field, so no month
 * arithmetic ever runs out of range and no figures are stored under a month that cannot exist.
 */
public final class Months {

    public static final YearMonth FIRST = YearMonth.of(2000, 1);
    public static final YearMonth LAST = YearMonth.of(2099, 12);
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    private Months() {
    }

    public static YearMonth parse(String field, String value) {
        if (value == null || !FORMAT.matcher(value.strip()).matches()) {
            throw invalid(field, "invalid-value");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "invalid-value");
        }
        if (month.isBefore(FIRST) || month.isAfter(LAST)) {
            throw invalid(field, "out-of-range");
        }
        return month;
    }

    private static ApiException invalid(String field, String code) {
        return new FieldErrors().add(field, code).problem(HttpStatus.BAD_REQUEST, "invalid-field");
    }
}
