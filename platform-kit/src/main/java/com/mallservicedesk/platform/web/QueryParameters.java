package com.mallservicedesk.platform.web;

import com.mallservicedesk.platform.problem.FieldErrors;
import java.time.temporal.Temporal;

/**
 * The checks bean validation makes on a body, for query parameters (which it does not see), reported with the same
 * codes: {@code Size}, {@code PlainText}, {@code PlausibleTime}. Collect them with the list's paging in one
 * {@link FieldErrors}, so one problem names everything wrong.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A one-line text filter: at most {@code max} characters, no control characters. */
    public static void text(FieldErrors errors, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(field, "Size");
        } else if (!PlainText.Check.isPlain(value, false)) {
            errors.add(field, "PlainText");
        }
    }

    /** A time or day filter within the years {@link PlausibleTime} allows. */
    public static void time(FieldErrors errors, String field, Temporal value) {
        if (!PlausibleTime.Check.holds(value)) {
            errors.add(field, "PlausibleTime");
        }
    }
}
