package com.mallservicedesk.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the bad requests for every operation of one service's document. Every case starts from a valid request
 * (mall A's real ids in the path, a valid body from the schema, a good token) and breaks exactly one thing, so an
 * answer can be traced to the input that caused it. The order and the random choices are fixed by the seed.
 */
final class CaseGenerator {

    static final int HUGE_BODY = 5 * 1024 * 1024;
    /** One shared 5 MB text: the cases hold references to it, not copies. */
    private static final JsonNode HUGE_TEXT = BadValues.text("A".repeat(HUGE_BODY));
    private static final String BOUNDARY = "fuzzBoundary7MA4YWxkTrZu0gW";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final List<String> ACCEPT_LANGUAGES = List.of("en", "xx", "zz-ZZ-!!", "*", "en-US;q=abc",
            "en;q=2.0", ";;;,,,", "de-DE-u-co-phonebk-x-private", "A".repeat(300), "\u00ff\u00e9\u00fc",
            "zh-Hant-TW, en;q=0.5, *;q=0.1", "", "i-klingon", "en-" + "a".repeat(70));
    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "image/png",
            "application/json;q=0", "garbage/////");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=ebcdic-cp-us",
            "application/json; charset=no-such-charset", "application/json; charset=UTF-16", "application/octet-stream",
            "*/*", "application/*", "garbage;;;", "application/json-patch+json", "application/problem+json");

    private final ApiDocument document;
    private final SchemaValues values;
    private final MallData malls;
    private final SplittableRandom random;
    private final List<FuzzCase> cases = new ArrayList<>();
    private final Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();

    CaseGenerator(ApiDocument document, MallData malls, long seed) {
        this.document = document;
        this.values = new SchemaValues(document);
        this.malls = malls;
        this.random = new SplittableRandom(seed);
        document.operations().forEach(op -> methodsByPath.computeIfAbsent(op.path(), p -> new LinkedHashSet<>()).add(op.method()));
    }

    List<FuzzCase> generate() {
        for (Operation operation : document.operations()) {
            Request base = base(operation);
            add(base, "baseline", "valid");
            auth(base);
            headers(base);
            wrongMethods(base);
            pathParams(base);
            queryParams(base);
            if (operation.body() == null) {
                if ("GET".equals(operation.method())) {
                    add(base.withBody("{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8), "application/json"),
                            "content-type", "get-with-body");
                }
            } else if (operation.body().multipart()) {
                multipart(base);
            } else {
                jsonBody(base);
            }
        }
        return cases;
    }

    /** More cases made of two or three bad inputs at once, chosen at random (seeded) among those derived above. */
    List<FuzzCase> combined(int count) {
        List<FuzzCase> derived = List.copyOf(cases);
        List<FuzzCase> combined = new ArrayList<>();
        List<Operation> operations = document.operations();
        for (int i = 0; i < count && !operations.isEmpty(); i++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            List<FuzzCase> ofOperation = derived.stream().filter(c -> c.operation().equals(operation.label())
                    && (c.family().startsWith("param") || c.family().startsWith("field") || c.family().equals("path-traversal")))
                    .toList();
            if (ofOperation.isEmpty()) {
                continue;
            }
            FuzzCase first = ofOperation.get(random.nextInt(ofOperation.size()));
            String language = ACCEPT_LANGUAGES.get(random.nextInt(ACCEPT_LANGUAGES.size()));
            Map<String, String> headers = new LinkedHashMap<>(first.headers());
            headers.put("Accept-Language", language);
            String target = first.target();
            FuzzCase second = ofOperation.get(random.nextInt(ofOperation.size()));
            if (second.family().startsWith("param") && second.target().contains("?") && !target.contains("?")) {
                target = target + second.target().substring(second.target().indexOf('?'));
            }
            combined.add(new FuzzCase(0, operation.service(), operation.label(), "combined",
                    first.label() + " + " + second.label() + " + lang:" + language, first.method(), target,
                    Collections.unmodifiableMap(headers), first.body(), !operation.platformWide()));
        }
        return combined;
    }

    // ---- the valid request every case starts from

    private final class Request {
        final Operation operation;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String method;
        Supplier<byte[]> body;
        JsonNode json;

        Request(Operation operation) {
            this.operation = operation;
            this.method = operation.method();
        }

        Request copy() {
            Request copy = new Request(operation);
            copy.path.putAll(path);
            copy.query.putAll(query);
            copy.headers.putAll(headers);
            copy.method = method;
            copy.body = body;
            copy.json = json;
            return copy;
        }

        Request withPath(String name, String encoded) {
            Request copy = copy();
            copy.path.put(name, encoded);
            return copy;
        }

        Request withQuery(String name, String encoded) {
            Request copy = copy();
            if (encoded == null) {
                copy.query.remove(name);
            } else {
                copy.query.put(name, encoded);
            }
            return copy;
        }

        Request withHeader(String name, String value) {
            Request copy = copy();
            copy.headers.put(name, value);
            return copy;
        }

        Request withBody(byte[] bytes, String contentType) {
            return withBody(() -> bytes, contentType);
        }

        Request withBody(Supplier<byte[]> bytes, String contentType) {
            Request copy = copy();
            copy.body = bytes;
            copy.headers.put("Content-Type", contentType);
            return copy;
        }

        Request withJson(JsonNode node) {
            return withBody(() -> ApiDocument.JSON.writeValueAsBytes(node), "application/json");
        }

        String target() {
            String target = operation.path();
            for (Map.Entry<String, String> p : path.entrySet()) {
                target = target.replace("{" + p.getKey() + "}", p.getValue());
            }
            if (!query.isEmpty()) {
                target += "?" + query.entrySet().stream()
                        .map(q -> q.getKey() + (q.getValue() == null ? "" : "=" + q.getValue()))
                        .collect(Collectors.joining("&"));
            }
            return target;
        }
    }

    private Request base(Operation operation) {
        Request request = new Request(operation);
        for (Operation.Param param : operation.in("path")) {
            String value = "mallId".equals(param.name()) ? MallData.MALL_A
                    : malls.idInA(operation, param.name(), values, param.schema());
            request.path.put(param.name(), Encoding.percent(value));
        }
        for (Operation.Param param : operation.in("query")) {
            if (param.required()) {
                request.query.put(param.name(), Encoding.percent(text(values.valid(param.schema(), param.name()))));
            }
        }
        request.headers.put("Authorization", "Bearer " + (operation.platformWide() ? FuzzTokens.platformOperator()
                : FuzzTokens.everyRole(MallData.MALL_A)));
        if (operation.body() != null && !operation.body().multipart()) {
            request.json = values.valid(operation.body().schema(), "body");
            byte[] valid = ApiDocument.JSON.writeValueAsBytes(request.json);
            request.body = () -> valid;
            request.headers.put("Content-Type", "application/json");
        } else if (operation.body() != null) {
            byte[] valid = multipartBody(validParts(operation.body().schema()), BOUNDARY);
            request.body = () -> valid;
            request.headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        }
        return request;
    }

    /** A value as a URL parameter carries it: arrays as comma-separated items. */
    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return String.join(",", items);
        }
        return value.isObject() ? value.toString() : value.asString();
    }

    private void add(Request request, String family, String label) {
        Operation operation = request.operation;
        cases.add(new FuzzCase(0, operation.service(), operation.label(), family, label, request.method, request.target(),
                Collections.unmodifiableMap(new LinkedHashMap<>(request.headers)), request.body, !operation.platformWide()));
    }

    // ---- whole-request families

    private void auth(Request base) {
        FuzzTokens.badAuthorizations(MallData.MALL_A, MallData.MALL_B)
                .forEach((label, header) -> add(base.withHeader("Authorization", header), "auth", label));
    }

    private void headers(Request base) {
        ACCEPT_LANGUAGES.forEach(language -> add(base.withHeader("Accept-Language", language), "accept-language",
                language.length() > 30 ? language.substring(0, 12) + "…(" + language.length() + ")" : language));
        ACCEPTS.forEach(accept -> add(base.withHeader("Accept", accept), "accept", accept));
        for (Operation.Param header : base.operation.in("header")) {
            if (header.name().equalsIgnoreCase("Accept-Language")) {
                continue;
            }
            for (String value : List.of("", "A".repeat(2_000), "\u00ff\u00e9", "x y z", "%00", "-1",
                    "99999999999999999999", "../../etc/passwd")) {
                add(base.withHeader(header.name(), value), "param-header", header.name() + ":"
                        + (value.length() > 20 ? "2000-chars" : value));
            }
        }
    }

    private void wrongMethods(Request base) {
        Set<String> served = methodsByPath.getOrDefault(base.operation.path(), Set.of());
        if (!served.iterator().next().equals(base.operation.method())) {
            return; // once per path
        }
        METHODS.stream().filter(m -> !served.contains(m)).limit(2).forEach(method -> {
            Request request = base.copy();
            request.method = method;
            add(request, "method", method);
        });
    }

    // ---- parameters

    private void pathParams(Request base) {
        for (Operation.Param param : base.operation.in("path")) {
            if ("mallId".equals(param.name()) && !firstOfService(base.operation)) {
                // The mall in the path is checked the same way for every operation (the kit's security chain): all
                // bad values on a service's first operation, a sample on the others.
                for (String value : List.of("..%2F..%2Fetc%2Fpasswd", "%00", Encoding.percent("商場😀"), "A".repeat(200))) {
                    add(base.withPath(param.name(), value), "path-traversal", "mallId=" + (value.length() > 40 ? "200-chars" : value));
                }
                add(base.withPath(param.name(), MallData.MALL_B), "other-mall", "mallId=" + MallData.MALL_B);
                continue;
            }
            for (BadValues.BadParam bad : BadValues.traversal()) {
                add(base.withPath(param.name(), bad.encoded()), bad.family(), param.name() + "=" + bad.label());
            }
            for (BadValues.BadParam bad : BadValues.forParam(values.typeOf(param.schema()), values.schema(param.schema()))) {
                if (bad.encoded().isEmpty()) {
                    continue; // an empty segment is another path, not this parameter
                }
                add(base.withPath(param.name(), bad.encoded()), bad.family(), param.name() + "=" + bad.label());
            }
            if ("mallId".equals(param.name())) {
                add(base.withPath(param.name(), MallData.MALL_B), "other-mall", "mallId=" + MallData.MALL_B);
                add(base.withPath(param.name(), "NO-SUCH-MALL"), "other-mall", "mallId=unknown");
            } else {
                String other = malls.idInB(base.operation, param.name());
                if (other != null && !Encoding.percent(other).equals(base.path.get(param.name()))) {
                    add(base.withPath(param.name(), Encoding.percent(other)), "other-mall", param.name() + "=id-of-mall-B");
                }
            }
        }
    }

    private boolean firstOfService(Operation operation) {
        return document.operations().get(0).label().equals(operation.label());
    }

    private void queryParams(Request base) {
        List<Operation.Param> query = base.operation.in("query");
        for (Operation.Param param : query) {
            String type = values.typeOf(param.schema());
            for (BadValues.BadParam bad : BadValues.forParam(type, values.schema(param.schema()))) {
                add(base.withQuery(param.name(), bad.encoded()), bad.family(), param.name() + "=" + bad.label());
            }
            if (param.required()) {
                add(base.withQuery(param.name(), null), "param-missing", param.name());
            }
            String valid = Encoding.percent(text(values.valid(param.schema(), param.name())));
            add(base.withQuery(param.name(), valid + "&" + param.name() + "=" + valid), "param-type", param.name() + "=twice");
            add(base.withQuery(param.name() + "[]", valid), "param-type", param.name() + "[]");
        }
        if (!query.isEmpty()) {
            add(base.withQuery("unexpected", "1"), "param-type", "unknown-param");
        }
    }

    // ---- JSON bodies

    private record Field(List<Object> path, JsonNode schema, String name) {
    }

    private void jsonBody(Request base) {
        for (String shape : List.of("[]", "\"text\"", "null", "{}", "123", "true", "[{}]")) {
            add(base.withBody(shape.getBytes(StandardCharsets.UTF_8), "application/json"), "body-shape", shape);
        }
        add(base.withBody(new byte[0], "application/json"), "body-shape", "empty");
        Request noBody = base.copy();
        noBody.body = null;
        noBody.headers.remove("Content-Type");
        add(noBody, "body-shape", "no-body");

        List<Field> fields = new ArrayList<>();
        flatten(base.operation.body().schema(), new ArrayList<>(), 0, fields);
        for (Field field : fields) {
            String type = values.typeOf(field.schema());
            for (BadValues.Bad bad : BadValues.forField(type, values.schema(field.schema()), field.name())) {
                JsonNode mutated = apply(base.json, field.path(), bad.value());
                if (mutated != null) {
                    add(base.withJson(mutated), bad.family(), pathText(field.path()) + "=" + bad.label());
                }
            }
        }
        if (base.json instanceof ObjectNode object) {
            add(base.withJson(object.deepCopy().put("unexpected", 1)), "field-extra", "unknown-field");
            add(base.withJson(object.deepCopy().set("__proto__", SchemaValues.NODES.objectNode().put("admin", true))),
                    "field-extra", "__proto__");
            add(base.withJson(object.deepCopy().put("$where", "sleep(1000)")), "field-extra", "$where");
            add(base.withJson(object.deepCopy().put("mallId", MallData.MALL_B)), "field-extra", "mallId-of-B");
            add(base.withJson(object.deepCopy().put("id", "fz-forced-id")), "field-extra", "forced-id");
        }
        malformed(base);
        contentTypes(base);
        huge(base);
    }

    private void flatten(JsonNode raw, List<Object> path, int depth, List<Field> out) {
        JsonNode schema = values.schema(raw);
        String type = values.typeOf(schema);
        if ("object".equals(type) && depth < 4) {
            for (String property : schema.path("properties").propertyNames()) {
                List<Object> child = new ArrayList<>(path);
                child.add(property);
                JsonNode childSchema = schema.path("properties").get(property);
                out.add(new Field(child, childSchema, property));
                flatten(childSchema, child, depth + 1, out);
            }
        } else if ("array".equals(type) && depth < 4 && !path.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            JsonNode items = schema.path("items");
            String itemType = values.typeOf(items);
            if (!"object".equals(itemType) && !"array".equals(itemType)) {
                out.add(new Field(child, items, path.get(path.size() - 1) + "[0]"));
            }
            flatten(items, child, depth + 1, out);
        }
    }

    /** A copy of the body with the value at the path replaced (or removed when value is null); null if no such place. */
    private static JsonNode apply(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
            if (parent.isMissingNode() || parent.isNull()) {
                return null;
            }
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            if (value == null) {
                object.remove(name);
            } else {
                object.set(name, value);
            }
            return copy;
        }
        if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            if (value == null) {
                array.remove(index.intValue());
            } else {
                array.set(index, value);
            }
            return copy;
        }
        return null;
    }

    private static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            text.append(step instanceof Integer i ? "[" + i + "]" : (text.isEmpty() ? "" : ".") + step);
        }
        return text.toString();
    }

    private void malformed(Request base) {
        byte[] validBytes = base.body.get();
        String valid = new String(validBytes, StandardCharsets.UTF_8);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String text : List.of("{", "}", "{\"a\":", "{'single': 'quotes'}", "{\"a\":1,}", "[1,2", "nul",
                "{\"a\":1}{\"b\":2}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u00\"}", "{a:1}", "{\"a\":01}", "{\"a\":.5}",
                "{\"a\":\"unterminated}", "/* comment */ {}", "{\"a\":1} trailing")) {
            bodies.put(text, text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("truncated", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8));
        bodies.put("bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, validBytes));
        bodies.put("utf16", valid.getBytes(StandardCharsets.UTF_16));
        bodies.put("invalid-utf8", concat("{\"description\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.UTF_8)));
        bodies.put("nul-bytes", concat(validBytes, new byte[] {0, 0, 0}));
        bodies.put("deep-nesting", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("deep-objects", ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        if (valid.startsWith("{\"") && valid.length() > 2) {
            int colon = valid.indexOf("\":");
            if (colon > 0) {
                String key = valid.substring(1, colon + 1);
                bodies.put("duplicate-key", ("{" + key + ":null," + valid.substring(1)).getBytes(StandardCharsets.UTF_8));
            }
        }
        bodies.forEach((label, bytes) -> add(base.withBody(bytes, "application/json"), "malformed-json",
                label.length() > 24 ? label.substring(0, 24) + "…" : label));
    }

    private void contentTypes(Request base) {
        for (String type : CONTENT_TYPES) {
            add(base.withBody(base.body, type), "content-type", type);
        }
        Request none = base.copy();
        none.headers.remove("Content-Type");
        add(none, "content-type", "none");
    }

    private void huge(Request base) {
        JsonNode padded = base.json instanceof ObjectNode object
                ? object.deepCopy().set("description", HUGE_TEXT) : HUGE_TEXT;
        add(base.withJson(padded), "huge-body", "5MB-json");
        long noiseSeed = random.nextLong();
        add(base.withBody(() -> {
            byte[] noise = new byte[HUGE_BODY];
            new SplittableRandom(noiseSeed).nextBytes(noise);
            return noise;
        }, "application/json"), "huge-body", "5MB-noise");
    }

    // ---- multipart bodies

    private record Part(String name, String filename, String contentType, byte[] content) {
    }

    private List<Part> validParts(JsonNode raw) {
        JsonNode schema = values.schema(raw);
        List<Part> parts = new ArrayList<>();
        for (String property : schema.path("properties").propertyNames()) {
            JsonNode partSchema = values.schema(schema.path("properties").get(property));
            if ("binary".equals(partSchema.path("format").asString())) {
                parts.add(new Part(property, "photo.jpg", "image/jpeg", jpeg()));
            } else {
                String value = switch (property) {
                    case "kind" -> "PHOTO";
                    case "takenAt" -> "2026-11-25T02:00:00Z";
                    default -> values.valid(partSchema, property).asString();
                };
                parts.add(new Part(property, null, null, value.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return parts;
    }

    private void multipart(Request base) {
        List<Part> valid = validParts(base.operation.body().schema());
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        for (int i = 0; i < valid.size(); i++) {
            Part part = valid.get(i);
            Map<String, Part> variants = new LinkedHashMap<>();
            variants.put("missing", null);
            variants.put("empty", new Part(part.name(), part.filename(), part.contentType(), new byte[0]));
            if (part.filename() == null) {
                variants.put("100KB", new Part(part.name(), null, null, "A".repeat(BadValues.OVERSIZE).getBytes(StandardCharsets.UTF_8)));
                variants.put("unicode", new Part(part.name(), null, null, "😀\u202Eabc e\u0301\u0301".getBytes(StandardCharsets.UTF_8)));
                variants.put("control", new Part(part.name(), null, null, "a\u0000b\u001b".getBytes(StandardCharsets.UTF_8)));
                variants.put("bad-value", new Part(part.name(), null, null, "NOT_A_VALUE".getBytes(StandardCharsets.UTF_8)));
            } else {
                variants.put("5MB-file", new Part(part.name(), part.filename(), part.contentType(), null));
                variants.put("filename-traversal", new Part(part.name(), "../../../etc/passwd", part.contentType(), part.content()));
                variants.put("filename-unicode", new Part(part.name(), "照片😀\u202E.jpg", part.contentType(), part.content()));
                variants.put("filename-empty", new Part(part.name(), "", part.contentType(), part.content()));
                variants.put("content-type-garbage", new Part(part.name(), part.filename(), "garbage;;;", part.content()));
                variants.put("executable", new Part(part.name(), "run.sh", "application/x-sh",
                        "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8)));
            }
            int index = i;
            variants.forEach((label, variant) -> {
                List<Part> parts = new ArrayList<>(valid);
                if (variant == null) {
                    parts.remove(index);
                } else {
                    parts.set(index, variant);
                }
                String family = variant == null ? "field-missing"
                        : label.contains("5MB") ? "huge-body" : label.startsWith("filename") ? "path-traversal" : "field-oversize";
                add(base.withBody(() -> multipartBody(parts, BOUNDARY), type), family, part.name() + "=" + label);
            });
        }
        byte[] body = multipartBody(valid, BOUNDARY);
        add(base.withBody(body, "multipart/form-data"), "content-type", "no-boundary");
        add(base.withBody(body, "multipart/form-data; boundary=other"), "content-type", "wrong-boundary");
        add(base.withBody(java.util.Arrays.copyOf(body, body.length / 2), type), "malformed-json", "truncated-multipart");
        add(base.withBody("{\"kind\":\"PHOTO\"}".getBytes(StandardCharsets.UTF_8), "application/json"), "content-type", "json");
        add(base.withBody(body, "text/plain"), "content-type", "text/plain");
    }

    private static byte[] multipartBody(List<Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
            if (part.filename() != null) {
                head.append("; filename=\"").append(part.filename()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            // No content given: a 5 MB file, made only when the case is sent.
            out.writeBytes(part.content() == null ? new byte[HUGE_BODY] : part.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] jpeg() {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        bytes[62] = (byte) 0xFF;
        bytes[63] = (byte) 0xD9;
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
