package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe reads a real HTTP liveness endpoint: only 503 means "not alive". */
class LivenessProbeTest {

    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void onlyA503IsNotAliveAndItsAnswerIsTheReason() throws Exception {
        server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
        server.createContext("/actuator/health/liveness", exchange -> {
            byte[] body = (status.get() == 503
                    ? "{\"status\":\"DOWN\",\"components\":{\"consumers\":{\"status\":\"DOWN\",\"details\":{\"stopped\":[\"x\"]}}}}"
                    : "{\"status\":\"UP\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        var probe = new LivenessProbe(URI.create("http://" + Ports.LOOPBACK + ":" + server.getAddress().getPort()
                + "/actuator/health/liveness"));

        assertThat(probe.notAlive(null)).isEmpty();
        status.set(503);
        assertThat(probe.notAlive(null)).hasValueSatisfying(why -> assertThat(why).contains("answered 503", "consumers",
                "\"stopped\":[\"x\"]").endsWith("what is down: http://" + Ports.LOOPBACK + ":"
                + server.getAddress().getPort() + "/actuator/health"));
        status.set(500);
        assertThat(probe.notAlive(null)).isEmpty();
    }

    @Test
    void noAnswerSaysNothing() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(Ports.LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }
        var probe = new LivenessProbe(URI.create("http://" + Ports.LOOPBACK + ":" + closedPort + "/actuator/health/liveness"));

        assertThat(probe.notAlive(null)).isEmpty();
    }
}
