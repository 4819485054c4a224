package com.mallservicedesk.e2e.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's published OpenAPI document, read as the fuzzer needs it: operations, parameters, body schemas. */
public final class ApiDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final String service;
    private final JsonNode root;

    ApiDocument(String service, JsonNode root) {
        this.service = service;
        this.root = root;
    }

    /** Reads {@code /v3/api-docs} without a token, as any client would. */
    public static ApiDocument fetch(HttpClient http, String service, String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " answered " + response.statusCode() + " for /v3/api-docs");
        }
        return new ApiDocument(service, JSON.readTree(response.body()));
    }

    public String service() {
        return service;
    }

    public String openApiVersion() {
        return root.path("openapi").asString();
    }

    /** Every operation, in a fixed order (path, then method), so the generated cases are the same from run to run. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = root.path("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                if (METHODS.contains(method)) {
                    operations.add(operation(path, method.toUpperCase(), item.get(method), item.path("parameters")));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private Operation operation(String path, String method, JsonNode operation, JsonNode shared) {
        List<Operation.Param> params = new ArrayList<>();
        for (JsonNode list : List.of(shared, operation.path("parameters"))) {
            for (JsonNode raw : list) {
                JsonNode p = resolve(raw);
                params.add(new Operation.Param(p.path("name").asString(), p.path("in").asString(),
                        p.path("required").asBoolean(false), resolve(p.path("schema"))));
            }
        }
        Operation.Body body = null;
        JsonNode requestBody = resolve(operation.path("requestBody"));
        if (!requestBody.isMissingNode()) {
            JsonNode content = requestBody.path("content");
            List<String> types = new ArrayList<>(content.propertyNames());
            JsonNode schema = types.isEmpty() ? JSON.createObjectNode() : resolve(content.path(types.get(0)).path("schema"));
            body = new Operation.Body(requestBody.path("required").asBoolean(false), types, schema);
        }
        List<String> produces = new ArrayList<>();
        for (String status : operation.path("responses").propertyNames()) {
            if (status.startsWith("2")) {
                produces.addAll(resolve(operation.path("responses").get(status)).path("content").propertyNames());
            }
        }
        return new Operation(service, method, path, List.copyOf(params), body, List.copyOf(produces));
    }

    /** Follows {@code $ref}s within the document; anything else is returned as it is. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }
}
