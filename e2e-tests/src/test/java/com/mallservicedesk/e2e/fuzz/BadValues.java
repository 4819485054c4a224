package com.mallservicedesk.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** The bad values tried in each body field and each parameter, chosen by the schema's type. */
final class BadValues {

    /** One bad value: its case family, a short label for reports, and the JSON value (null: leave the field out). */
    record Bad(String family, String label, JsonNode value) {
    }

    /** One bad URL parameter value, already percent-encoded as it goes on the wire. */
    record BadParam(String family, String label, String encoded) {
    }

    static final int OVERSIZE = 100 * 1024;
    static final int URL_OVERSIZE = 2_000;

    // Shared by all cases that use them (the cases hold references, not copies).
    private static final JsonNode OVERSIZE_TEXT = text("A".repeat(OVERSIZE));
    private static final JsonNode OVERSIZE_EMOJI = text("😀".repeat(OVERSIZE / 4));
    private static final JsonNode MANY_ITEMS = raw(manyItems(10_000));

    private static final List<String> UNICODE = List.of(
            "😀👨‍👩‍👧‍👦🏳️‍🌈",                       // emoji, zero-width joiners
            "مرحبا \u202Eabc\u202C שלום",             // right-to-left with an override
            "e\u0301\u0301\u0301\u0301\u0301\u0301", // stacked combining marks
            "\u200B\u200D\uFEFF\u2060",              // zero-width and byte-order marks
            "𠀀𪚥𰻝 Ω≈ç√∫",                           // supplementary CJK, symbols
            "Ａ\uFF21ｶﾞ ﷽");                         // full/half width, a ligature
    private static final List<String> CONTROL = List.of("\u0000", "a\u0000b", "\u0001\u0002\u001b[31m\u007f",
            "\r\n\r\nX-Injected: 1", "\t\u000b\f", "\u0085\u2028\u2029");
    private static final List<String> INJECTION = List.of("'; db.dropDatabase(); //", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "../../../../etc/passwd", "M001");
    private static final List<String> RAW_NUMBERS = List.of("-1", "0", "-0", "2147483648", "-2147483649",
            "9223372036854775808", "-9223372036854775809", "1e309", "-1e309", "3.5", "1E+400", "0.0000000001",
            "123456789012345678901234567890");

    private BadValues() {
    }

    /** Bad values for a body field of the given schema type (and its enum, format, bounds). */
    static List<Bad> forField(String type, JsonNode schema, String fieldName) {
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("field-missing", "missing", null));
        bad.add(new Bad("field-null", "null", SchemaValues.NODES.nullNode()));
        switch (type) {
            case "string" -> {
                bad.add(new Bad("field-type", "number", SchemaValues.NODES.numberNode(12345)));
                bad.add(new Bad("field-type", "boolean", SchemaValues.NODES.booleanNode(true)));
                bad.add(new Bad("field-type", "array", array(SchemaValues.NODES.stringNode("x"))));
                // An object where a string belongs: a MongoDB operator must never become a query.
                bad.add(new Bad("field-type", "operator-object", object("$ne", SchemaValues.NODES.nullNode())));
                bad.add(new Bad("field-oversize", "100KB", OVERSIZE_TEXT));
                bad.add(new Bad("field-oversize", "100KB-emoji", OVERSIZE_EMOJI));
                bad.add(new Bad("field-oversize", "empty", text("")));
                bad.add(new Bad("field-oversize", "blank", text("   ")));
                for (int i = 0; i < UNICODE.size(); i++) {
                    bad.add(new Bad("field-unicode", "unicode-" + i, text(UNICODE.get(i))));
                }
                bad.add(new Bad("field-unicode", "lone-surrogate", raw("\"\\ud800x\\udfff\"")));
                for (int i = 0; i < CONTROL.size(); i++) {
                    bad.add(new Bad("field-control", "control-" + i, text(CONTROL.get(i))));
                }
                for (int i = 0; i < INJECTION.size(); i++) {
                    bad.add(new Bad("field-injection", "injection-" + i, text(INJECTION.get(i))));
                }
                if (schema.has("enum")) {
                    String first = schema.path("enum").get(0).asString();
                    bad.add(new Bad("field-enum", "unknown", text("NOT_A_VALUE")));
                    bad.add(new Bad("field-enum", "lowercase", text(first.toLowerCase())));
                    bad.add(new Bad("field-enum", "padded", text(" " + first + " ")));
                    bad.add(new Bad("field-enum", "nul-suffix", text(first + "\u0000")));
                } else {
                    // Text that parsers of durations, dates, months and times get wrong.
                    for (String value : List.of("PT-5M", "P999999999999D", "2026-02-30T25:61:00Z",
                            "+999999999-12-31T23:59:59Z", "24:00")) {
                        bad.add(new Bad("field-format", "format:" + value, text(value)));
                    }
                }
            }
            case "integer", "number" -> {
                bad.add(new Bad("field-type", "string", text("abc")));
                bad.add(new Bad("field-type", "numeric-string", text("12")));
                bad.add(new Bad("field-type", "boolean", SchemaValues.NODES.booleanNode(false)));
                bad.add(new Bad("field-type", "object", SchemaValues.NODES.objectNode()));
                for (String number : RAW_NUMBERS) {
                    bad.add(new Bad("field-number", number, raw(number)));
                }
                bad.add(new Bad("field-number", "NaN", raw("NaN")));
            }
            case "boolean" -> {
                bad.add(new Bad("field-type", "string", text("yes")));
                bad.add(new Bad("field-type", "number", SchemaValues.NODES.numberNode(2)));
                bad.add(new Bad("field-type", "array", SchemaValues.NODES.arrayNode()));
            }
            case "array" -> {
                bad.add(new Bad("field-type", "object", SchemaValues.NODES.objectNode()));
                bad.add(new Bad("field-type", "string", text("x")));
                bad.add(new Bad("field-type", "null-item", array(SchemaValues.NODES.nullNode())));
                bad.add(new Bad("field-type", "nested-arrays", raw("[[[[[[[[[[]]]]]]]]]]")));
                bad.add(new Bad("field-oversize", "10000-items", MANY_ITEMS));
                bad.add(new Bad("field-oversize", "empty-array", SchemaValues.NODES.arrayNode()));
            }
            case "object" -> {
                bad.add(new Bad("field-type", "string", text("x")));
                bad.add(new Bad("field-type", "array", SchemaValues.NODES.arrayNode()));
                bad.add(new Bad("field-type", "number", SchemaValues.NODES.numberNode(1)));
                bad.add(new Bad("field-type", "empty-object", SchemaValues.NODES.objectNode()));
            }
            default -> {
                bad.add(new Bad("field-type", "string", text("x")));
                bad.add(new Bad("field-type", "array", SchemaValues.NODES.arrayNode()));
            }
        }
        return bad;
    }

    /** Bad values for a query, header or path parameter of the given schema type. */
    static List<BadParam> forParam(String type, JsonNode schema) {
        List<BadParam> bad = new ArrayList<>();
        bad.add(new BadParam("param-oversize", "empty", ""));
        bad.add(new BadParam("param-oversize", "2000-chars", "A".repeat(URL_OVERSIZE)));
        for (int i = 0; i < UNICODE.size(); i++) {
            bad.add(new BadParam("param-unicode", "unicode-" + i, Encoding.percent(UNICODE.get(i))));
        }
        bad.add(new BadParam("param-control", "nul", "%00"));
        bad.add(new BadParam("param-control", "nul-inside", "a%00b"));
        bad.add(new BadParam("param-control", "escape", "%1B%5B31m%7F"));
        bad.add(new BadParam("param-control", "crlf", "%0D%0AX-Injected:%201"));
        bad.add(new BadParam("param-control", "overlong-utf8", "%C0%AE%C0%AE"));
        bad.add(new BadParam("param-control", "invalid-utf8", "%FF%FE%FD"));
        bad.add(new BadParam("param-injection", "operator", Encoding.percent("{\"$ne\":null}")));
        bad.add(new BadParam("param-injection", "regex", Encoding.percent(".*")));
        bad.add(new BadParam("param-injection", "regex-bomb", Encoding.percent("(a+)+$")));
        bad.add(new BadParam("param-injection", "regex-broken", Encoding.percent("[(")));
        switch (type) {
            case "integer", "number" -> {
                bad.add(new BadParam("param-type", "string", "abc"));
                bad.add(new BadParam("param-type", "decimal", "1.5"));
                bad.add(new BadParam("param-type", "boolean", "true"));
                for (String number : List.of("-1", "-2147483649", "2147483648", "9223372036854775808", "1e309",
                        "0x10", "%2B1", "10001", "0")) {
                    bad.add(new BadParam("param-number", number, number));
                }
            }
            case "boolean" -> {
                bad.add(new BadParam("param-type", "string", "maybe"));
                bad.add(new BadParam("param-type", "number", "2"));
            }
            default -> {
                if (schema.has("enum")) {
                    String first = schema.path("enum").get(0).asString();
                    bad.add(new BadParam("param-enum", "unknown", "NOT_A_VALUE"));
                    bad.add(new BadParam("param-enum", "lowercase", Encoding.percent(first.toLowerCase())));
                    bad.add(new BadParam("param-enum", "list", Encoding.percent(first + "," + first)));
                } else {
                    for (String value : List.of("2026-13-45T99:99:99Z", "yesterday", "2026-11-25", "2026-13",
                            "+999999999-12-31T23:59:59Z", "-1", "PT-5M", "2026-W99", "id,sideways", ",", "nosuchfield,desc")) {
                        bad.add(new BadParam("param-format", value, Encoding.percent(value)));
                    }
                }
            }
        }
        return bad;
    }

    /** Ids that try to leave their path segment or their mall. */
    static List<BadParam> traversal() {
        List<BadParam> bad = new ArrayList<>();
        for (String value : List.of("..%2F..%2Fetc%2Fpasswd", "..%252F..%252Fetc%252Fpasswd", "%2e%2e%2f%2e%2e%2f",
                "..%5C..%5Cwindows%5Cwin.ini", "%00", "a%00.json", "..", ".", "..;", "%2e%2e", "%C0%AE%C0%AE%C0%AF",
                "~root", "*", "%2A", "null", "undefined", "%7B%24ne%3Anull%7D", "-1", "0",
                "A".repeat(URL_OVERSIZE), Encoding.percent("工单😀"), "FZB001", "%20", "a%2Fb")) {
            bad.add(new BadParam("path-traversal", value.length() > 40 ? "2000-chars" : value, value));
        }
        return bad;
    }

    static JsonNode text(String value) {
        return SchemaValues.NODES.stringNode(value);
    }

    static JsonNode raw(String json) {
        return SchemaValues.NODES.rawValueNode(new RawValue(json));
    }

    private static ArrayNode array(JsonNode item) {
        return SchemaValues.NODES.arrayNode().add(item);
    }

    private static ObjectNode object(String name, JsonNode value) {
        return SchemaValues.NODES.objectNode().set(name, value);
    }

    private static String manyItems(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"item-").append(i).append('"');
        }
        return json.append(']').toString();
    }
}
