package com.mallservicedesk.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for a service's API, on a free loopback port: it echoes what it was sent (method, path, query, headers,
 * body), answers with a Link header in its own address, and streams Server-Sent Events without end.
 */
public final class StubService implements AutoCloseable {

    private final DisposableServer server;

    private StubService(DisposableServer server) {
        this.server = server;
    }

    public static StubService start() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/api/v1/malls/{mall}/stream", (request, response) -> response
                        .header("Content-Type", "text/event-stream")
                        .sendString(Flux.interval(Duration.ofMillis(200))
                                .map(n -> "id: " + n + "\nevent: tick\ndata: {\"n\":" + n + ",\"lastEventId\":\""
                                        + request.requestHeaders().get("Last-Event-ID", "") + "\"}\n\n"))
                        .then())
                .route(request -> request.uri().startsWith("/api/v1/"), (request, response) -> request.receive()
                        .aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            String base = "http://" + request.hostAddress().getHostString() + ":"
                                    + request.hostAddress().getPort();
                            String json = "{\"method\":\"" + request.method().name() + "\",\"uri\":" + quote(request.uri())
                                    + ",\"authorization\":" + quote(request.requestHeaders().get("Authorization"))
                                    + ",\"cookie\":" + quote(request.requestHeaders().get("Cookie"))
                                    + ",\"csrf\":" + quote(request.requestHeaders().get("X-CSRF-Token"))
                                    + ",\"acceptLanguage\":" + quote(request.requestHeaders().get("Accept-Language"))
                                    + ",\"idempotencyKey\":" + quote(request.requestHeaders().get("Idempotency-Key"))
                                    + ",\"body\":" + quote(body) + "}";
                            return response.status(request.uri().contains("missing") ? 404 : 200)
                                    .header("Content-Type", "application/json")
                                    .header("X-Total-Count", "7")
                                    .header("Set-Cookie", "upstream=1")
                                    .header("Link", "<" + base + "/api/v1/malls/M001/callbacks?page=1>; rel=\"next\"")
                                    .sendString(reactor.core.publisher.Mono.just(json)).then();
                        })))
                .bindNow();
        return new StubService(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
