package com.mallservicedesk.e2e.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data in two malls, made through the API before the fuzzing starts: requests (a repair that is completed so a
 * callback follows, an incident that opens a claim, a complaint) and one of everything else a service creates from a
 * valid body. Mall A's ids give the fuzzer real targets; mall B's ids and texts are what no answer in mall A may show.
 */
final class MallData {

    static final String MALL_A = "FZA001";
    static final String MALL_B = "FZB001";
    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, String> urls;
    private final Map<String, ApiDocument> documents;
    private final HttpClient http;
    /** Items listed in each mall, by "service path" of the list operation. */
    private final Map<String, Map<String, List<JsonNode>>> listed = new LinkedHashMap<>();
    private final Set<String> secretsOfB = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();

    private MallData(HttpClient http, Map<String, String> urls, Map<String, ApiDocument> documents) {
        this.http = http;
        this.urls = urls;
        this.documents = documents;
    }

    static MallData seed(HttpClient http, Map<String, String> urls, Map<String, ApiDocument> documents)
            throws IOException, InterruptedException {
        MallData data = new MallData(http, urls, documents);
        Map<String, List<String>> requests = new LinkedHashMap<>();
        for (String mall : List.of(MALL_A, MALL_B)) {
            requests.put(mall, data.registerRequests(mall));
            data.createOneOfEach(mall);
        }
        for (String mall : List.of(MALL_A, MALL_B)) {
            data.followThrough(mall, requests.get(mall));
        }
        for (String mall : List.of(MALL_A, MALL_B)) {
            data.listEverything(mall);
        }
        data.collectSecrets();
        return data;
    }

    /** No data at all: cases derived with made-up ids (to check the derivation itself without a platform). */
    static MallData none() {
        return new MallData(null, Map.of(), Map.of());
    }

    /** Mall B's ids, request numbers and texts that appear nowhere in mall A's data. */
    Set<String> secretsOfB() {
        return secretsOfB;
    }

    List<String> notes() {
        return notes;
    }

    /** A real id of mall A for a path parameter (the list before it gives it), or a plausible one. */
    String idInA(Operation operation, String param, SchemaValues values, JsonNode schema) {
        String found = listedId(MALL_A, operation, param);
        if (found != null) {
            return found;
        }
        JsonNode valid = values.valid(schema, param);
        return valid.isString() && !valid.asString().startsWith("模糊") ? valid.asString() : "fuzz-no-such-" + param;
    }

    /** Mall B's id for the same parameter, when mall B has one: to be tried in mall A's path. */
    String idInB(Operation operation, String param) {
        return listedId(MALL_B, operation, param);
    }

    private String listedId(String mall, Operation operation, String param) {
        String marker = "/{" + param + "}";
        int at = operation.path().indexOf(marker);
        if (at < 0 || "mallId".equals(param)) {
            return null;
        }
        List<JsonNode> items = listed.getOrDefault(mall, Map.of()).get(operation.service() + " " + operation.path().substring(0, at));
        if (items == null) {
            return null;
        }
        for (JsonNode item : items) {
            JsonNode value = item.has(param) ? item.get(param) : item.get("id");
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    private List<String> registerRequests(String mall) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String marker = "FZSECRET-" + mall;
        List<Map<String, Object>> bodies = List.of(
                Map.of("channel", "PHONE", "kind", "REPAIR", "description", marker + " 三樓洗手間水龍頭漏水",
                        "location", Map.of("floor", "3F", "zone", "B"),
                        "customer", Map.of("name", marker + " 王小姐", "phone", MALL_A.equals(mall) ? "13800000001" : "13900000002",
                                "type", "SHOPPER")),
                Map.of("channel", "INTERCOM", "kind", "INCIDENT", "description", marker + " 顧客在一樓中庭扶梯旁滑倒",
                        "location", Map.of("floor", "1F", "zone", "Atrium")),
                // A walk-in gives no name: registered as anonymous (seed 000 §4.3 asks name and contact otherwise).
                Map.of("channel", "VISIT", "kind", "COMPLAINT", "description", marker + " 對停車收費有意見",
                        "location", Map.of("floor", "B1", "zone", "P"), "anonymous", true));
        for (Map<String, Object> body : bodies) {
            HttpResponse<String> response = send("intake-service", "POST", "/api/v1/malls/" + mall + "/requests",
                    FuzzTokens.everyRole(mall), ApiDocument.JSON.writeValueAsString(body));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Seeding " + mall + " failed: " + response.statusCode() + " " + response.body());
            }
            ids.add(ApiDocument.JSON.readTree(response.body()).path("id").asString());
        }
        return ids;
    }

    /** Posts one valid body to every collection of the mall that takes one (tenants, notices, surveys, …). */
    private void createOneOfEach(String mall) throws IOException, InterruptedException {
        for (ApiDocument document : documents.values()) {
            SchemaValues values = new SchemaValues(document);
            for (Operation operation : document.operations()) {
                boolean collection = "POST".equals(operation.method()) && operation.in("path").size() == 1
                        && operation.path().startsWith("/api/v1/malls/{mallId}/") && operation.body() != null
                        && !operation.body().multipart() && !operation.path().endsWith("/requests");
                if (!collection) {
                    continue;
                }
                JsonNode body = values.valid(operation.body().schema(), "body");
                if (body instanceof ObjectNode object && object.has("description")) {
                    object.put("description", "FZSECRET-" + mall + " " + object.get("description").asString());
                }
                HttpResponse<String> response = send(operation.service(), "POST",
                        operation.path().replace("{mallId}", mall), FuzzTokens.everyRole(mall),
                        ApiDocument.JSON.writeValueAsString(body));
                notes.add(mall + " " + operation.label() + " → " + response.statusCode());
            }
        }
    }

    /** The repair's work order is completed so callback-service opens a callback; the incident opens a claim. */
    private void followThrough(String mall, List<String> requestIds) throws IOException, InterruptedException {
        String token = FuzzTokens.everyRole(mall);
        String workOrder = "/api/v1/malls/" + mall + "/work-orders/wo-" + requestIds.get(0);
        awaitStatus("dispatch-service", workOrder, token, 200);
        HttpResponse<String> completed = send("dispatch-service", "POST", workOrder + "/complete", token,
                "{\"summary\":\"FZSECRET-" + mall + " 更換水龍頭閥芯\"}");
        notes.add(mall + " complete work order → " + completed.statusCode());
        awaitStatus("claims-service", "/api/v1/malls/" + mall + "/claims/claim-" + requestIds.get(1), token, 200);
        try {
            Awaitility.await().atMost(FLOW).pollInterval(POLL).until(() -> {
                HttpResponse<String> callbacks = send("callback-service", "GET", "/api/v1/malls/" + mall + "/callbacks", token, null);
                return callbacks.statusCode() == 200 && callbacks.body().contains("wo-" + requestIds.get(0));
            });
        } catch (ConditionTimeoutException e) {
            notes.add(mall + ": no callback appeared within " + FLOW);
        }
    }

    private void awaitStatus(String service, String path, String token, int status) throws IOException, InterruptedException {
        Awaitility.await(service + " " + path + " answering " + status).atMost(FLOW).pollInterval(POLL)
                .until(() -> send(service, "GET", path, token, null).statusCode() == status);
    }

    /** Reads every list of the mall (GET operations with only the mall in the path). */
    private void listEverything(String mall) throws IOException, InterruptedException {
        Map<String, List<JsonNode>> byList = listed.computeIfAbsent(mall, m -> new LinkedHashMap<>());
        for (ApiDocument document : documents.values()) {
            for (Operation operation : document.operations()) {
                boolean list = "GET".equals(operation.method()) && operation.in("path").size() == 1
                        && operation.path().startsWith("/api/v1/malls/{mallId}/") && !operation.streams()
                        && operation.in("query").stream().noneMatch(Operation.Param::required);
                if (!list) {
                    continue;
                }
                HttpResponse<String> response = send(operation.service(), "GET", operation.path().replace("{mallId}", mall),
                        FuzzTokens.everyRole(mall), null);
                if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                    continue;
                }
                JsonNode body = ApiDocument.JSON.readTree(response.body());
                JsonNode items = body.isArray() ? body : body.path("items");
                List<JsonNode> found = new ArrayList<>();
                if (items.isArray()) {
                    items.forEach(found::add);
                } else if (body.isObject()) {
                    found.add(body);
                }
                byList.put(operation.service() + " " + operation.path(), found);
            }
        }
    }

    private void collectSecrets() {
        Set<String> inA = new HashSet<>();
        listed.getOrDefault(MALL_A, Map.of()).values().forEach(items -> items.forEach(item -> strings(item, null, inA, false)));
        Set<String> inB = new LinkedHashSet<>();
        listed.getOrDefault(MALL_B, Map.of()).values().forEach(items -> items.forEach(item -> strings(item, null, inB, true)));
        inB.removeAll(inA);
        secretsOfB.addAll(inB);
        secretsOfB.add(MALL_B);
        secretsOfB.add("FZSECRET-" + MALL_B);
        secretsOfB.add("13900000002");
    }

    /** Strings of the item: with {@code idsOnly}, those of ids and numbers that are long enough to be unique. */
    private static void strings(JsonNode node, String field, Set<String> into, boolean idsOnly) {
        if (node.isObject()) {
            node.properties().forEach(e -> strings(e.getValue(), e.getKey(), into, idsOnly));
        } else if (node.isArray()) {
            node.forEach(item -> strings(item, field, into, idsOnly));
        } else if (node.isString()) {
            String value = node.asString();
            boolean identifying = field != null && (field.equals("id") || field.endsWith("Id") || field.equals("number")
                    || field.endsWith("Number"));
            if (!idsOnly || (identifying && value.length() >= 8)) {
                into.add(value);
            }
        }
    }

    private HttpResponse<String> send(String service, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
