package com.mallservicedesk.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a service's committed OpenAPI document ({@code docs/openapi/<service>.json}) equal to what the service
 * publishes at {@code /v3/api-docs}, and the document equal to the controllers: every mapping is described, and
 * nothing is described that no controller serves. With {@code -Dopenapi.write=true} the committed file is rewritten
 * instead of compared.
 */
public final class ApiDocumentCheck {

    public static final String WRITE_PROPERTY = "openapi.write";
    public static final String DOCUMENT_PATH = "/v3/api-docs";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Duration FIRST_BUILD_AT_MOST = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ApiDocumentCheck() {
    }

    /** Compares the published document with the committed one and with the controllers' mappings. */
    public static void verify(WebTestClient web, ApplicationContext context, String service) {
        String published = canonical(fetch(web));
        assertDescribesEveryMapping(context, published);
        assertMatchesCommitted(service, published);
    }

    /**
     * The service's document, fetched without a token as any client would. Its first request builds the document from
     * every controller: 10 s on a busy two-core machine, twice the test client's usual patience.
     */
    public static String fetch(WebTestClient web) {
        String body = web.mutate().responseTimeout(FIRST_BUILD_AT_MOST).build()
                .get().uri(DOCUMENT_PATH).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        if (body == null || body.isBlank()) {
            throw new AssertionError(DOCUMENT_PATH + " answered an empty body");
        }
        return body;
    }

    /** The browsable UI is for the local profile only: anywhere else it must not be served. */
    public static void assertUiIsOff(WebTestClient web) {
        web.get().uri("/swagger-ui.html").exchange().expectStatus().isNotFound();
        web.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isNotFound();
    }

    /** Sorted keys at every level, two-space indentation, a final newline: one text per document. */
    public static String canonical(String json) {
        Object sorted = sorted(JSON.readTree(json));
        return JSON.writeValueAsString(sorted).replace("\r\n", "\n") + "\n";
    }

    public static void assertMatchesCommitted(String service, String published) {
        Path file = committedDocument(service);
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, published, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("No committed OpenAPI document " + file + " for " + service
                        + ". Write it with -D" + WRITE_PROPERTY + "=true and commit it.");
            }
            String committed = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (!committed.equals(published)) {
                throw new AssertionError("The API of " + service + " differs from " + file + ":\n"
                        + differences(committed, published)
                        + "If the change is intended, rewrite the document with -D" + WRITE_PROPERTY
                        + "=true, review the diff and commit it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every controller mapping ("METHOD /path") is an operation of the document, and every operation a mapping. */
    public static void assertDescribesEveryMapping(ApplicationContext context, String document) {
        Set<String> mapped = mappedOperations(context);
        Set<String> described = describedOperations(document);
        Set<String> undocumented = new TreeSet<>(mapped);
        undocumented.removeAll(described);
        Set<String> unserved = new TreeSet<>(described);
        unserved.removeAll(mapped);
        if (!undocumented.isEmpty() || !unserved.isEmpty()) {
            throw new AssertionError("The OpenAPI document and the controllers disagree.\n"
                    + "Mapped but not in the document: " + undocumented + "\n"
                    + "In the document but mapped by no controller: " + unserved);
        }
    }

    /** The service's own request mappings, by method and path pattern (the document generator's are left out). */
    public static Set<String> mappedOperations(ApplicationContext context) {
        Set<String> operations = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                if (entry.getValue().getBeanType().getName().startsWith("org.springdoc.")) {
                    continue;
                }
                RequestMappingInfo info = entry.getKey();
                var methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    String path = withoutRegex(pattern.getPatternString());
                    if (methods.isEmpty()) {
                        operations.add("ANY " + path);
                    }
                    methods.forEach(method -> operations.add(method.name() + " " + path));
                }
            }
        }
        return operations;
    }

    public static Set<String> describedOperations(String document) {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = JSON.readTree(document).path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return operations;
    }

    public static Path committedDocument(String service) {
        return repositoryRoot().resolve("docs/openapi/" + service + ".json");
    }

    /** The repository root: {@code platform.root} when set, else the nearest folder above with mvnw and docs/. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("platform.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No repository root (a folder with mvnw and docs/) above "
                + System.getProperty("user.dir"));
    }

    private static String withoutRegex(String pattern) {
        return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return items;
        }
        return node;
    }

    /** The first differing lines of both texts, so a failure shows what changed without opening a diff tool. */
    private static String differences(String committed, String published) {
        String[] before = committed.split("\n", -1);
        String[] after = published.split("\n", -1);
        int start = 0;
        while (start < before.length && start < after.length && before[start].equals(after[start])) {
            start++;
        }
        int endBefore = before.length - 1;
        int endAfter = after.length - 1;
        while (endBefore > start && endAfter > start && before[endBefore].equals(after[endAfter])) {
            endBefore--;
            endAfter--;
        }
        Map<String, List<String>> shown = new LinkedHashMap<>();
        shown.put("committed", lines(before, start, endBefore));
        shown.put("published", lines(after, start, endAfter));
        StringBuilder text = new StringBuilder("  first difference at line " + (start + 1) + "\n");
        shown.forEach((label, lines) -> {
            text.append("  ").append(label).append(":\n");
            lines.forEach(line -> text.append("    ").append(line).append('\n'));
        });
        return text.toString();
    }

    private static List<String> lines(String[] all, int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i <= to && i < all.length && lines.size() < 15; i++) {
            lines.add((i + 1) + ": " + all[i]);
        }
        if (to - from + 1 > 15) {
            lines.add("… " + (to - from + 1 - 15) + " more lines");
        }
        return lines;
    }
}
