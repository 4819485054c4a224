package com.mallservicedesk.intake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real HTTP server standing in for a mall's outbound message gateway; it can be told to fail. */
final class GatewayStub implements AutoCloseable {

    record Call(int status, String body, String rawQuery) {
    }

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answerBody = new AtomicReference<>();
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
            calls.add(new Call(answer, body, exchange.getRequestURI().getRawQuery()));
            byte[] text = answerBody.get() == null ? null : answerBody.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, text == null ? -1 : text.length);
            if (text != null) {
                exchange.getResponseBody().write(text);
            }
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

    /** Answers with this status and body text, as a gateway that explains its failure would. */
    void answer(int httpStatus, String body) {
        answerBody.set(body);
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
