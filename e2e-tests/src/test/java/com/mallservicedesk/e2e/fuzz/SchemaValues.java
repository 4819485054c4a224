package com.mallservicedesk.e2e.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible valid value for a schema, so that each bad input is tried on an otherwise good request and reaches the
 * code behind the validation. Names steer what the schema cannot say (a duration, a month, a time of day).
 */
final class SchemaValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiDocument document;

    SchemaValues(ApiDocument document) {
        this.document = document;
    }

    /** The schema's main type: the first that is not "null"; guessed from the keywords when absent. */
    String typeOf(JsonNode raw) {
        JsonNode schema = schema(raw);
        JsonNode type = schema.path("type");
        if (type.isString()) {
            return type.asString();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") ? "string" : "unknown";
    }

    /** The schema with its $ref followed and a first oneOf/anyOf/allOf branch taken. */
    JsonNode schema(JsonNode raw) {
        JsonNode schema = document.resolve(raw);
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combined).isArray() && !schema.path(combined).isEmpty() && !schema.has("properties")) {
                return schema(schema.path(combined).get(0));
            }
        }
        return schema;
    }

    JsonNode valid(JsonNode raw, String name) {
        return valid(raw, name, 0);
    }

    private JsonNode valid(JsonNode raw, String name, int depth) {
        JsonNode schema = schema(raw);
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (String property : schema.path("properties").propertyNames()) {
                        object.set(property, valid(schema.path("properties").get(property), property, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 6; i++) {
                    array.add(valid(schema.path("items"), singular(name), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(number(schema, 1).longValue());
            }
            case "number" -> {
                return NODES.numberNode(number(schema, 1.5).doubleValue());
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(string(schema, name));
            }
        }
    }

    private static Number number(JsonNode schema, Number preferred) {
        double value = preferred.doubleValue();
        if (schema.has("minimum") && value < schema.get("minimum").asDouble()) {
            value = schema.get("minimum").asDouble();
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()
                && value <= schema.get("exclusiveMinimum").asDouble()) {
            value = schema.get("exclusiveMinimum").asDouble() + 1;
        }
        if (schema.has("maximum") && value > schema.get("maximum").asDouble()) {
            value = schema.get("maximum").asDouble();
        }
        return value;
    }

    private static String string(JsonNode schema, String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String format = schema.path("format").asString("");
        String value = switch (format) {
            case "date-time" -> "2026-11-25T10:00:00+08:00";
            case "date" -> "2026-11-25";
            case "email" -> "fuzz@example.com";
            case "uri", "url" -> "https://example.com/fuzz";
            case "uuid" -> "7f0b2c9a-1111-4222-8333-944455556666";
            default -> byName(lower);
        };
        String pattern = schema.path("pattern").asString("");
        if (!pattern.isEmpty() && !matches(pattern, value)) {
            value = byPattern(pattern, value);
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (value.length() < min) {
            value = value + "x".repeat(min - value.length());
        }
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static String byName(String name) {
        if (name.contains("phone") || name.contains("mobile")) {
            return "13800000000";
        }
        if (name.endsWith("within") || name.endsWith("after") || name.endsWith("limit") || name.endsWith("window")
                || name.contains("duration") || name.contains("timeout") || name.contains("delay")) {
            return "PT30M";
        }
        if (name.equals("month")) {
            return "2026-11";
        }
        if (name.equals("week")) {
            return "2026-W48";
        }
        if (name.equals("date") || name.endsWith("date")) {
            return "2026-11-25";
        }
        if (name.equals("timezone")) {
            return "Asia/Shanghai";
        }
        if (name.equals("open") || name.equals("opens") || name.equals("close") || name.equals("closes")) {
            return name.startsWith("open") ? "09:00" : "22:00";
        }
        if (name.contains("url")) {
            return "https://example.com/fuzz";
        }
        if (name.equals("sort")) {
            return "id";
        }
        return "模糊测试 fuzz";
    }

    private static String byPattern(String pattern, String fallback) {
        for (String candidate : List.of("13800000000", "09:00", "https://example.com/fuzz", "2026-11", "2026-11-25",
                "ABC", "abc", "1")) {
            if (matches(pattern, candidate)) {
                return candidate;
            }
        }
        // An alternation of words: take the first.
        if (pattern.matches("[A-Za-z_|]+")) {
            return pattern.split("\\|")[0];
        }
        return fallback;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
