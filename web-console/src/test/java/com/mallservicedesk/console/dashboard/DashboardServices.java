package com.mallservicedesk.console.dashboard;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for the services behind the supervisors' dashboard, on a free loopback port: it notes every path and
 * query it is asked for, answers the claims' stage counts as it is told (a 503 problem when told nothing), and every
 * other call with a 404 problem, which the dashboard shows as missing figures.
 */
final class DashboardServices implements AutoCloseable {

    static final String STAGE_COUNTS = "/api/v1/malls/M001/claims/stage-counts";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> stageCounts = new AtomicReference<>();
    private final DisposableServer server;

    DashboardServices() {
        server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
            requests.add(request.uri());
            String counts = stageCounts.get();
            boolean stageCountsAsked = STAGE_COUNTS.equals(URI.create(request.uri()).getPath());
            if (stageCountsAsked && counts != null) {
                return response.status(200).header("Content-Type", "application/json")
                        .sendString(Mono.just(counts)).then();
            }
            int status = stageCountsAsked ? 503 : 404;
            return response.status(status).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":" + status + ",\"title\":\"stand-in\",\"code\":\"stand-in\"}"))
                    .then();
        }).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The next answers to the stage counts: this JSON, or a 503 problem when {@code null}. */
    void answerStageCounts(String json) {
        stageCounts.set(json);
    }

    /** Every call to the claims service so far, path and query as sent. */
    List<String> claimsCalls() {
        return requests.stream().filter(uri -> uri.startsWith("/api/v1/malls/M001/claims")).toList();
    }

    void forget() {
        requests.clear();
        stageCounts.set(null);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
