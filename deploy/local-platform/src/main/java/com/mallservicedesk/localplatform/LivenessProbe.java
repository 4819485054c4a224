package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A service's liveness probe, as an orchestrator reads it: the actuator's liveness group on the management port.
 * Only an answer of 503 counts as "not alive" (for instance event listeners that stopped on an error); no answer
 * says nothing, since a process that ended is the supervisor's other way in and a busy one may answer late.
 */
final class LivenessProbe implements Supervisor.Liveness {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI uri;

    LivenessProbe(URI uri) {
        this.uri = uri;
    }

    @Override
    public Optional<String> notAlive(ChildProcess child) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503) {
                return Optional.empty();
            }
            return Optional.of(uri + " answered 503 " + HealthWaiter.abbreviate(response.body())
                    + "; what is down: " + uri.toString().replaceFirst("/liveness$", ""));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
