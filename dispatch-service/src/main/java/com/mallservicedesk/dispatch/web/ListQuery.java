package com.mallservicedesk.dispatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

/**
 * The paging and sorting of a list, checked the one way every list of the platform does it: {@code page} 0–10,000,
 * {@code size} 1–200, {@code sort} {@code field[,asc|desc]} over the fields the list names; anything else is a 400
 * {@code page-invalid} listing each wrong field.
 */
public record ListQuery(int page, int size, Sort sort) {

    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 200;

    /** @param sortable the fields this list sorts by; {@code sort} null when the list takes no sort parameter */
    public static ListQuery of(int page, int size, String sort, Set<String> sortable) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0 || page > MAX_PAGE) {
            problems.add(new FieldProblem("page", "out-of-range"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "out-of-range"));
        }
        Sort order = sort == null ? Sort.unsorted() : parse(sort, sortable);
        if (order == null) {
            problems.add(new FieldProblem("sort", "unsupported"));
        }
        if (!problems.isEmpty()) {
            throw FieldProblem.problem(HttpStatus.BAD_REQUEST, "page-invalid", problems, MAX_PAGE, MAX_SIZE);
        }
        return new ListQuery(page, size, order);
    }

    /** The skip of a page, in a long: page × size stays far below what a store's skip takes. */
    public long offset() {
        return (long) page * size;
    }

    private static Sort parse(String sort, Set<String> sortable) {
        String[] parts = sort.split(",", -1);
        if (parts.length > 2 || !sortable.contains(parts[0].trim())) {
            return null;
        }
        String direction = parts.length == 2 ? parts[1].trim() : "asc";
        if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            return null;
        }
        // Ties keep a stable order, so paging never shows an order twice or skips one.
        return Sort.by(direction.equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC, parts[0].trim())
                .and(Sort.by("_id"));
    }
}
