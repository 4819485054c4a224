package com.mallservicedesk.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;

/**
 * The orders a list offers: the field names its {@code sort} parameter takes ({@code field} or
 * {@code field,asc|desc}), the stored property each sorts by, and the order when the caller asks for none. Every order
 * ends with {@code _id}, so ties keep one order and paging never shows an item twice or skips one.
 */
public final class SortFields {

    private static final String ID = "_id";

    private final Map<String, String> properties;
    private final Sort defaultOrder;

    private SortFields(Map<String, String> properties, Sort defaultOrder) {
        this.properties = properties;
        this.defaultOrder = defaultOrder;
    }

    /** Fields sorted by the stored property of the same name. */
    public static SortFields by(String... names) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : names) {
            properties.put(name, name);
        }
        return of(properties);
    }

    /** Fields named otherwise than stored, e.g. {@code Map.entry("id", "_id")}; a problem lists them in this order. */
    @SafeVarargs
    public static SortFields by(Map.Entry<String, String>... fields) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields) {
            properties.put(field.getKey(), field.getValue());
        }
        return of(properties);
    }

    private static SortFields of(Map<String, String> properties) {
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("A sortable list names at least one field");
        }
        return new SortFields(properties, tieBroken(Sort.unsorted()));
    }

    /** The order without a {@code sort} parameter, written like one (e.g. {@code createdAt,desc}). */
    public SortFields byDefault(String sort) {
        Sort order = parse(sort).orElseThrow(() -> new IllegalArgumentException(
                "Default sort '" + sort + "' is not one of " + names()));
        return new SortFields(properties, order);
    }

    public List<String> names() {
        return List.copyOf(properties.keySet());
    }

    Sort defaultOrder() {
        return defaultOrder;
    }

    /** Exactly {@code field} or {@code field,asc|desc} with a listed field; no spaces, nothing more. */
    Optional<Sort> parse(String sort) {
        if (sort == null) {
            return Optional.empty();
        }
        String[] parts = sort.split(",", -1);
        if (parts.length > 2 || !properties.containsKey(parts[0])) {
            return Optional.empty();
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length == 2) {
            if (parts[1].equalsIgnoreCase("desc")) {
                direction = Sort.Direction.DESC;
            } else if (!parts[1].equalsIgnoreCase("asc")) {
                return Optional.empty();
            }
        }
        return Optional.of(tieBroken(Sort.by(direction, properties.get(parts[0]))));
    }

    private static Sort tieBroken(Sort order) {
        return order.getOrderFor(ID) != null ? order : order.and(Sort.by(ID));
    }
}
