package com.mallservicedesk.claims;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server standing in for an insurer's report endpoint; it can be told to fail. */
final class InsurerStub implements AutoCloseable {

    record Call(int status, String authorization, String idempotencyKey, String body) {
    }

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger references = new AtomicInteger();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    InsurerStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/fnol", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            calls.add(new Call(answer, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
            if (answer == 200) {
                byte[] reply = ("{\"claimReference\":\"PZCG-" + references.incrementAndGet() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            } else {
                exchange.sendResponseHeaders(answer, -1);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fnol";
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> accepted() {
        return calls.stream().filter(c -> c.status() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
