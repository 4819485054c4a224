package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Waits for a child to become ready, failing early when the child dies instead of waiting out the timeout. */
final class HealthWaiter {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Waits until the port accepts TCP connections; returns the time since the child started. */
    Duration awaitPort(ChildProcess child, String host, int port, Duration timeout)
            throws LaunchFailure, InterruptedException {
        while (true) {
            if (Ports.acceptsConnections(host, port)) {
                return child.sinceStart();
            }
            failIfEnded(child);
            if (child.sinceStart().compareTo(timeout) > 0) {
                throw new LaunchFailure(child.name() + " did not open " + host + ":" + port + " within "
                        + timeout.toSeconds() + " s", child);
            }
        }
    }

    /**
     * Waits until the actuator health endpoint answers HTTP 200 with status UP; returns the time since the child
     * started.
     */
    Duration awaitHealthy(ChildProcess child, URI healthUri, Duration timeout)
            throws LaunchFailure, InterruptedException {
        String lastAnswer = "no answer yet";
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(healthUri)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && isUp(response.body())) {
                    return child.sinceStart();
                }
                lastAnswer = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                // Not listening yet: the normal state for the first seconds of a Spring Boot start.
                lastAnswer = e.getClass().getSimpleName();
            }
            failIfEnded(child);
            if (child.sinceStart().compareTo(timeout) > 0) {
                throw new LaunchFailure(child.name() + " was not healthy at " + healthUri + " within "
                        + timeout.toSeconds() + " s (last answer: " + lastAnswer + ")", child);
            }
        }
    }

    /** Whether an actuator health document reports the overall status UP (components may report their own). */
    static boolean isUp(String healthJson) {
        try {
            JsonNode status = JSON.readTree(healthJson).path("status");
            return "UP".equals(status.asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** Pauses one probe interval by waiting on the child itself, so a death is noticed at once. */
    private static void failIfEnded(ChildProcess child) throws LaunchFailure, InterruptedException {
        if (child.waitForExit(PROBE_INTERVAL)) {
            throw new LaunchFailure(child.name() + " exited with code " + child.exitValue() + " while starting",
                    child);
        }
    }

    /** A body for a log line: on one line, at most 200 characters. */
    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
