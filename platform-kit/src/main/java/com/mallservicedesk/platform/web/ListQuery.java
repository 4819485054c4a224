package com.mallservicedesk.platform.web;

import com.mallservicedesk.platform.problem.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;

/**
 * The paging and sorting of a list, checked the one way every list endpoint of the platform does it: {@code page}
 * 0..10,000 (default 0), {@code size} 1..200 (default as the endpoint declares it, usually 50), {@code sort} exactly
 * {@code field} or {@code field,asc|desc} over the fields the endpoint lists. Anything else is a 400
 * {@code validation-failed} naming each wrong parameter (codes {@code invalid-value}, {@code out-of-range},
 * {@code unsupported}), never a 500. Parameters are read as text, so {@code abc} or 10^20 is reported like any other
 * wrong value. The page limit keeps a skip from walking millions of documents.
 *
 * @param sort the order asked for, or the list's default; unsorted for a list that takes no {@code sort}
 */
public record ListQuery(int page, int size, Sort sort) {

    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    /** A list without a {@code sort} parameter. */
    public static ListQuery of(String page, String size) {
        return of(page, size, null, null);
    }

    /** A sortable list; {@code sort} null (absent) means the list's default order. */
    public static ListQuery of(String page, String size, String sort, SortFields sortFields) {
        FieldErrors errors = new FieldErrors();
        ListQuery query = of(page, size, sort, sortFields, errors);
        errors.throwIfAny();
        return query;
    }

    /** A list without a {@code sort} parameter, for an endpoint that checks more parameters (see below). */
    public static ListQuery of(String page, String size, FieldErrors errors) {
        return of(page, size, null, null, errors);
    }

    /**
     * For an endpoint that checks more parameters: adds the wrong ones to {@code errors} (for one problem naming
     * everything) and returns defaults in their place.
     *
     * @param sortFields null when the list takes no {@code sort}
     */
    public static ListQuery of(String page, String size, String sort, SortFields sortFields, FieldErrors errors) {
        int pageNumber = number("page", page, 0, 0, MAX_PAGE, errors);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        Sort order = Sort.unsorted();
        if (sortFields != null) {
            order = sortFields.defaultOrder();
            if (sort != null) {
                var asked = sortFields.parse(sort);
                if (asked.isPresent()) {
                    order = asked.get();
                } else {
                    errors.add("sort", "unsupported", Map.of("allowed", sortFields.names()));
                }
            }
        }
        return new ListQuery(pageNumber, pageSize, order);
    }

    /** How many items come before this page: a long, far below what a store's skip takes. */
    public long offset() {
        return (long) page * size;
    }

    /** Whether a next page exists that the limits allow asking for. */
    public boolean hasNext(long total) {
        return offset() + size < total && page < MAX_PAGE;
    }

    /** This page of a list the store counted: {@code items} is the page, {@code total} the whole. */
    public <T> PageView<T> page(List<T> items, long total) {
        return new PageView<>(items, page, size, total);
    }

    /** This page of a (bounded) list already held in full, such as a record's own sub-list. */
    public <T> PageView<T> slice(List<T> all) {
        int from = (int) Math.min(all.size(), offset());
        int to = (int) Math.min(all.size(), offset() + size);
        return new PageView<>(new ArrayList<>(all.subList(from, to)), page, size, all.size());
    }

    private static int number(String field, String value, int fallback, int min, int max, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip();
        // ASCII digits only, few enough for an int: "1e3", "+1", "1.5", "０" and 10^20 are not page numbers.
        if (!text.matches("[0-9]{1,9}")) {
            errors.add(field, "invalid-value", bounds(min, max));
            return fallback;
        }
        int number = Integer.parseInt(text);
        if (number < min || number > max) {
            errors.add(field, "out-of-range", bounds(min, max));
            return fallback;
        }
        return number;
    }

    private static Map<String, Object> bounds(int min, int max) {
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("min", min);
        bounds.put("max", max);
        return bounds;
    }
}
