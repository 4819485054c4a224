package com.mallservicedesk.intake.input;

import com.mallservicedesk.platform.problem.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Collects rule violations bean validation cannot express, reported like bean validation: field by field. */
public final class InvalidFields {

    private final List<Map<String, String>> errors = new ArrayList<>();

    public InvalidFields add(String field, String code) {
        errors.add(Map.of("field", field, "code", code));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** A free-text query parameter: at most {@code max} characters, no control characters. */
    public InvalidFields text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "Size");
        } else if (value != null && !PlainText.Check.isPlain(value, false)) {
            add(field, "PlainText");
        }
        return this;
    }

    /** A time query parameter the store can hold and a mall's work can have (see {@link PlausibleTime}). */
    public InvalidFields time(String field, Instant value) {
        if (!PlausibleTime.Check.holds(value)) {
            add(field, "PlausibleTime");
        }
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", Map.of("errors", List.copyOf(errors)),
                    errors.size());
        }
    }
}
