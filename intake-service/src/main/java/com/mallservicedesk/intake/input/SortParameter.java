package com.mallservicedesk.intake.input;

import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;

/**
 * Reads {@code sort=<field>[,asc|desc]}: the field must be one of the listed ones, the direction (if any) {@code asc}
 * or {@code desc}; nothing else is accepted, so a stray comma or an empty value is a field problem, never an error.
 */
public final class SortParameter {

    private SortParameter() {
    }

    /** @return the order, or empty after adding a {@code sort} field problem */
    public static Optional<Sort> parse(String value, Set<String> fields, InvalidFields invalid) {
        String[] parts = value == null ? new String[0] : value.split(",", -1);
        Sort.Direction direction = Sort.Direction.ASC;
        boolean valid = parts.length >= 1 && parts.length <= 2 && fields.contains(parts[0]);
        if (valid && parts.length == 2) {
            if ("desc".equalsIgnoreCase(parts[1])) {
                direction = Sort.Direction.DESC;
            } else if (!"asc".equalsIgnoreCase(parts[1])) {
                valid = false;
            }
        }
        if (!valid) {
            invalid.add("sort", "unsupported");
            return Optional.empty();
        }
        return Optional.of(Sort.by(direction, parts[0]));
    }
}
