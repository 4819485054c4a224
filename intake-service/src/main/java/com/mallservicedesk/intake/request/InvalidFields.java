package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.problem.ApiException;
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

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", Map.of("errors", List.copyOf(errors)),
                    errors.size());
        }
    }
}
