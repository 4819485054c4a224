package com.mallservicedesk.survey.web;

import com.mallservicedesk.platform.problem.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

/**
 * The platform's paging convention for every list endpoint: {@code page} 0..10,000, {@code size} 1..200 (default 50
 * unless the endpoint documents another), a {@code sort} only by the fields the endpoint lists ({@code field} or
 * {@code -field} for descending). Anything else is a 400 problem naming each bad field, never a 500. Parameters are
 * read as text, so a value that is not a number is reported like one out of range.
 *
 * @param sort the sort the caller asked for, or the endpoint's default
 */
public record Paging(int page, int size, Sort sort) {

    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    /** A sort field the endpoint offers: its name in the API and the stored field it sorts by. */
    public record SortField(String name, String property) {
    }

    /**
     * @param sortFields   what {@code sort} may name; empty when the endpoint cannot be sorted
     * @param defaultSort  the order when no {@code sort} is given
     */
    public static Paging of(String page, String size, String sort, int defaultSize, List<SortField> sortFields,
                            Sort defaultSort) {
        List<Map<String, Object>> errors = new ArrayList<>();
        int pageNumber = number(page, 0, 0, MAX_PAGE, "page", errors);
        int pageSize = number(size, defaultSize, 1, MAX_SIZE, "size", errors);
        Sort order = sort(sort, sortFields, defaultSort, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", Map.of("errors", errors), errors.size());
        }
        return new Paging(pageNumber, pageSize, order);
    }

    public static Paging of(String page, String size, int defaultSize) {
        return of(page, size, null, defaultSize, List.of(), Sort.unsorted());
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageView<T> of(List<T> items, long total) {
        return new PageView<>(items, page, size, total);
    }

    private static int number(String value, int fallback, int min, int max, String field,
                              List<Map<String, Object>> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip();
        // Digits only, and few enough to be an int: "1e3", "+1", "０" and 10^20 are all out of range.
        if (!text.matches("\\d{1,9}")) {
            errors.add(error(field, "invalid-value", min, max));
            return fallback;
        }
        int n = Integer.parseInt(text);
        if (n < min || n > max) {
            errors.add(error(field, "out-of-range", min, max));
            return fallback;
        }
        return n;
    }

    private static Sort sort(String value, List<SortField> fields, Sort fallback, List<Map<String, Object>> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        String text = value.strip();
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        for (SortField field : fields) {
            if (field.name().equals(name)) {
                Sort by = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, field.property());
                // Ties keep a stable order between pages.
                return field.property().equals("_id") ? by : by.and(Sort.by("_id"));
            }
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", "sort");
        error.put("code", "sort-field-not-allowed");
        error.put("allowed", fields.stream().map(SortField::name).toList());
        errors.add(error);
        return fallback;
    }

    private static Map<String, Object> error(String field, String code, int min, int max) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("min", min);
        error.put("max", max);
        return error;
    }
}
