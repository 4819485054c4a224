package com.mallservicedesk.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What every answer must be: never a server error, every client error an RFC 9457 problem with the platform's
 * fields, and nothing of mall B in any answer to mall A (unless the request itself carried it).
 */
final class Verdicts {

    private Verdicts() {
    }

    static List<String> failures(FuzzCase fuzzCase, int status, String contentType, String body, Set<String> secretsOfB) {
        List<String> failures = new ArrayList<>();
        if (status >= 500) {
            failures.add("5xx");
        }
        if (status >= 400) {
            problem(status, contentType, body).ifPresent(failures::add);
        }
        Set<Integer> refusals = refusals(fuzzCase);
        if (!refusals.isEmpty() && !refusals.contains(status)) {
            failures.add("not-refused");
        }
        if (fuzzCase.checkLeaks() && textual(contentType)) {
            String request = null;
            for (String secret : secretsOfB) {
                if (body.contains(secret)) {
                    request = request == null ? fuzzCase.requestText() : request;
                    if (!request.contains(secret)) {
                        failures.add("cross-mall");
                        break;
                    }
                }
            }
        }
        return failures;
    }

    /**
     * The statuses the contract allows for a bad token (401) or another mall in the path (403); empty when the case
     * is not about that. A good token of another mall (or one whose malls claim is not a list) still opens the
     * platform-wide reports to an operator: only mall paths must refuse it.
     */
    static Set<Integer> refusals(FuzzCase fuzzCase) {
        boolean mallPath = fuzzCase.target().startsWith("/api/v1/malls/");
        if ("auth".equals(fuzzCase.family())) {
            return switch (fuzzCase.label()) {
                case "other-mall" -> mallPath ? Set.of(403) : Set.of();
                case "malls-not-a-list" -> mallPath ? Set.of(401, 403) : Set.of();
                default -> Set.of(401);
            };
        }
        if ("other-mall".equals(fuzzCase.family()) && fuzzCase.label().startsWith("mallId=")) {
            return Set.of(403);
        }
        return Set.of();
    }

    /** The secret of mall B an answer showed, for the report. */
    static String leaked(String body, Set<String> secretsOfB) {
        return secretsOfB.stream().filter(body::contains).findFirst().orElse("");
    }

    private static java.util.Optional<String> problem(int status, String contentType, String text) {
        if (!contentType.startsWith("application/problem+json")) {
            return java.util.Optional.of("not-problem-json");
        }
        JsonNode body;
        try {
            body = ApiDocument.JSON.readTree(text);
        } catch (RuntimeException e) {
            return java.util.Optional.of("problem-unreadable");
        }
        for (String field : List.of("type", "title", "code")) {
            if (!body.path(field).isString() || body.path(field).asString().isBlank()) {
                return java.util.Optional.of("problem-without-" + field);
            }
        }
        if (body.path("status").asInt() != status) {
            return java.util.Optional.of("problem-status-differs");
        }
        return java.util.Optional.empty();
    }

    private static boolean textual(String contentType) {
        return contentType.contains("json") || contentType.startsWith("text/") || contentType.contains("xml");
    }
}
