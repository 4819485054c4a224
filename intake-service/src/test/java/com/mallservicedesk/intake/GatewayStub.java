package com.mallservicedesk.intake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server standing in for a mall's outbound message gateway; it can be told to fail. */
final class GatewayStub implements AutoCloseable {

    record Call(int status, String body) {
    }

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    GatewayStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            calls.add(new Call(answer, body));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> accepted() {
        return calls.stream().filter(c -> c.status() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
