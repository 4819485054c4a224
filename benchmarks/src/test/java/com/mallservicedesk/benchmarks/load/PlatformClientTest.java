package com.mallservicedesk.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service-level call against a stub of dispatch's endpoint: what it sends, and a refusal made loud. */
class PlatformClientTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer dispatch;

    @AfterEach
    void stop() {
        dispatch.stop(0);
    }

    @Test
    void aMallGetsTheLongestServiceLevelsByAPutOfItsPolicy() throws Exception {
        PlatformClient client = clientAgainstDispatchAnswering(200);

        client.setLongestServiceLevels("BM01-07");

        assertThat(received).containsExactly("PUT /api/v1/malls/BM01-07/sla-policy Bearer t0ken "
                + PlatformClient.LONGEST_SERVICE_LEVELS);
        assertThat(PlatformClient.LONGEST_SERVICE_LEVELS).contains("\"dispatchWithin\":\"PT24H\"")
                .contains("\"complaintInvestigationWorkingDays\":30");
    }

    @Test
    void aRefusalStopsTheBenchmarkWithWhatDispatchSaid() throws Exception {
        PlatformClient client = clientAgainstDispatchAnswering(422);

        assertThatThrownBy(() -> client.setLongestServiceLevels("BM01-07")).isInstanceOf(IOException.class)
                .hasMessageContaining("422").hasMessageContaining("sla-policy-invalid");
    }

    @Test
    void theReceptionLogsFirstPageIsAskedAsTheConsoleAsksAndAFailureIsLoud() throws Exception {
        PlatformClient client = clientAgainstDispatchAnswering(200);
        client.firstLogPage("BM01-07");
        assertThat(received).containsExactly("GET /api/v1/malls/BM01-07/requests?page=0&size=20 Bearer t0ken ");
        dispatch.stop(0);

        PlatformClient refused = clientAgainstDispatchAnswering(503);
        assertThatThrownBy(() -> refused.firstLogPage("BM01-07")).isInstanceOf(IOException.class)
                .hasMessageContaining("503").hasMessageContaining("BM01-07");
    }

    private PlatformClient clientAgainstDispatchAnswering(int status) throws IOException {
        dispatch = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dispatch.createContext("/api/v1/malls/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            byte[] answer = (status == 200 ? body : "{\"type\":\"sla-policy-invalid\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        dispatch.start();
        String base = "http://127.0.0.1:" + dispatch.getAddress().getPort();
        return new PlatformClient(base, base, "t0ken");
    }
}
