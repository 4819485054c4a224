package com.mallservicedesk.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Prometheus rule files of deploy/observability (every .yml there but the scrape configuration). */
final class Rules {

    static final Path DIR = Repo.path("deploy/observability");

    private Rules() {
    }

    static List<String> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yml") && !n.equals("prometheus.yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each rule's expression, keyed by alert or record name. */
    static Map<String, String> expressions(String file) {
        Map<String, String> exprs = new LinkedHashMap<>();
        List<Map<String, Object>> groups = Repo.at(Repo.yamlMap("deploy/observability/" + file), "groups");
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : Repo.<List<Map<String, Object>>>at(group, "rules")) {
                Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                exprs.put(String.valueOf(name), String.valueOf(rule.get("expr")));
            }
        }
        return exprs;
    }
}
