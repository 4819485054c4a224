package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.problem.ApiException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** A half-year, written {@code 2026-H2}: surveys are normally half-yearly (seed 000 §顧客滿意度調查規程 4.1). */
record SurveyPeriod(int year, int half) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-H([12])");

    static SurveyPeriod parse(String text) {
        var match = text == null ? null : FORMAT.matcher(text);
        if (match == null || !match.matches()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-period-invalid", text);
        }
        return new SurveyPeriod(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
    }

    LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    /** The day after the period: the campaign closes at its start. */
    LocalDate endExclusive() {
        return firstDay().plusMonths(6);
    }

    @Override
    public String toString() {
        return year + "-H" + half;
    }
}
