package com.mallservicedesk.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboards of deploy/observability/grafana/dashboards and the PromQL they hold. */
final class Dashboards {

    static final Path DIR = Repo.path("deploy/observability/grafana/dashboards");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Dashboards() {
    }

    /** A dashboard: its JSON, its panel queries (keyed "panel 'title' A") and its template-variable queries. */
    record Dashboard(JsonNode json, Map<String, String> queries, Map<String, String> variableQueries) {
    }

    static Map<String, Dashboard> all() {
        Map<String, Dashboard> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    static Dashboard read(Path file) {
        JsonNode json = JSON.readTree(Repo.read(file));
        Map<String, String> queries = new LinkedHashMap<>();
        collect(json.path("panels"), queries);
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode v : json.path("templating").path("list")) {
            if ("query".equals(v.path("type").asString())) {
                JsonNode q = v.path("query");
                variables.put(v.path("name").asString(), q.isObject() ? q.path("query").asString() : q.asString());
            }
        }
        return new Dashboard(json, queries, variables);
    }

    private static void collect(JsonNode panels, Map<String, String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.put("panel '" + panel.path("title").asString() + "' " + target.path("refId").asString(),
                        target.path("expr").asString());
            }
            collect(panel.path("panels"), queries);
        }
    }
}
