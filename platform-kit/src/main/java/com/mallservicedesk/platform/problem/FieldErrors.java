package com.mallservicedesk.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Collects the wrong fields of a request that bean validation cannot see (query parameters, rules across fields),
 * reported like bean validation reports a body: one problem listing every wrong field at once as
 * {@code errors: [{field, code, …}]}.
 */
public final class FieldErrors {

    private final List<Map<String, Object>> errors = new ArrayList<>();

    public FieldErrors add(String field, String code) {
        return add(field, code, Map.of());
    }

    /** @param details more for the client to act on, e.g. the bounds or the allowed values */
    public FieldErrors add(String field, String code, Map<String, ?> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.putAll(details);
        errors.add(error);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Map<String, Object>> asList() {
        return List.copyOf(errors);
    }

    /** Throws the 400 {@code validation-failed} problem (detail {0}: how many) if a field is wrong. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw problem();
        }
    }

    /** The 400 {@code validation-failed} problem naming every wrong field. */
    public ApiException problem() {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", Map.of("errors", asList()), errors.size());
    }

    /**
     * A problem of the service's own, naming every wrong field: the detail's {0} is the list of field names, the
     * given arguments follow as {1}, {2} …
     */
    public ApiException problem(HttpStatus status, String code, Object... arguments) {
        Object[] withFields = new Object[arguments.length + 1];
        withFields[0] = errors.stream().map(error -> String.valueOf(error.get("field"))).distinct()
                .collect(Collectors.joining(", "));
        System.arraycopy(arguments, 0, withFields, 1, arguments.length);
        return new ApiException(status, code, Map.of("errors", asList()), withFields);
    }
}
