package com.mallservicedesk.benchmarks.costs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One service's Prometheus endpoint on its management port (service port + 1000, bound to loopback, no token), over
 * all its instances: the local launcher starts extra instances on the service port + 10 000 each.
 */
public final class ServiceMetrics {

    private static final int MANAGEMENT_OFFSET = 1000;
    private static final int INSTANCE_STEP = 10_000;
    private static final int MAX_INSTANCES = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final String host;
    private final int servicePort;
    /** The management endpoints that answered the first reading; later readings read exactly these. */
    private List<URI> endpoints;

    /** @param service the process name the costs table uses: intake, dispatch … */
    public ServiceMetrics(String service, URI serviceAddress) {
        this.service = service;
        this.host = serviceAddress.getHost();
        this.servicePort = serviceAddress.getPort();
    }

    public String service() {
        return service;
    }

    /** All instances' counters added up; empty when no instance answers or one that answered before does not. */
    public Optional<PrometheusCounters> read() {
        return readEach().map(each -> each.stream().reduce(PrometheusCounters.NONE, PrometheusCounters::plus));
    }

    /** Each instance's samples; empty when no instance answers or one that answered before does not. */
    public Optional<List<PrometheusCounters>> readEach() {
        if (endpoints == null) {
            endpoints = answering();
        }
        if (endpoints.isEmpty()) {
            return Optional.empty();
        }
        List<PrometheusCounters> each = new ArrayList<>();
        for (URI endpoint : endpoints) {
            Optional<String> text = scrape(endpoint);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            each.add(PrometheusCounters.parse(text.get()));
        }
        return Optional.of(each);
    }

    private List<URI> answering() {
        List<URI> found = new ArrayList<>();
        for (int instance = 0; instance < MAX_INSTANCES; instance++) {
            URI endpoint = URI.create("http://%s:%d/actuator/prometheus".formatted(host,
                    servicePort + MANAGEMENT_OFFSET + INSTANCE_STEP * instance));
            if (scrape(endpoint).isEmpty()) {
                break; // instances are numbered without gaps: none further
            }
            found.add(endpoint);
        }
        return found;
    }

    private static Optional<String> scrape(URI endpoint) {
        var request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Accept", "text/plain;version=0.0.4").GET().build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
