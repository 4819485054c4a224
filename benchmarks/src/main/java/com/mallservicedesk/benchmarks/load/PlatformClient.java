package com.mallservicedesk.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls the benchmark makes: register a repair request at intake, read its work order at dispatch, set a
 * mall's service levels there, and open a mall's reception log.
 */
public final class PlatformClient {

    private static final Duration POST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GET_TIMEOUT = Duration.ofSeconds(30);
    /** The longest service levels a mall may set, as dispatch's {@code PUT …/sla-policy} takes them. */
    static final String LONGEST_SERVICE_LEVELS = """
            {"dispatchWithin":"PT24H","contactWithin":"PT24H","sameDayHandling":false,\
            "repairCompletionWithin":"P30D","complaintInvestigationWorkingDays":30}""";

    /** What intake answered: the request id on 201, otherwise the status (or -1 when the call failed). */
    public record Answer(int status, String requestId, String mall, Instant answeredAt) {
        public boolean created() {
            return status == 201;
        }
    }

    /** Created on first use: the body of a request is plain text and needs no mapper. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String intake;
    private final String dispatch;
    private final String token;

    public PlatformClient(String intake, String dispatch, String token) {
        this.intake = intake;
        this.dispatch = dispatch;
        this.token = token;
    }

    public CompletableFuture<Answer> register(Place place, long sequence) {
        var request = authorized(intake + "/api/v1/malls/" + place.mall() + "/requests", POST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(place, sequence))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            Instant now = Instant.now();
            if (failure != null) {
                return new Answer(-1, null, place.mall(), now);
            }
            String id = response.statusCode() == 201 ? Json.MAPPER.readTree(response.body()).get("id").asString() : null;
            return new Answer(response.statusCode(), id, place.mall(), now);
        });
    }

    /** The work order dispatch opened for the request, with its {@code createdAt}; empty while there is none. */
    public Optional<Instant> workOrderCreatedAt(String mall, String requestId) throws IOException, InterruptedException {
        var request = authorized(dispatch + "/api/v1/malls/" + mall + "/work-orders/wo-" + requestId, GET_TIMEOUT)
                .GET().build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IllegalStateException("dispatch refused the benchmark's token (" + response.statusCode()
                    + "): does PLATFORM_JWT_SECRET match the platform's?");
        }
        if (response.statusCode() != 200) {
            throw new IOException("dispatch answered " + response.statusCode() + " for wo-" + requestId);
        }
        JsonNode createdAt = Json.MAPPER.readTree(response.body()).get("createdAt");
        return Optional.of(createdAt == null || createdAt.isNull() ? Instant.now() : Instant.parse(createdAt.asString()));
    }

    /**
     * The first page of the mall's reception log as the front desk's console opens it (the 20 newest, no filter); a
     * refusal or an error answer is an exception, so a timing never counts a page that was not shown.
     */
    public void firstLogPage(String mall) throws IOException, InterruptedException {
        var request = authorized(intake + "/api/v1/malls/" + mall + "/requests?page=0&size=20", GET_TIMEOUT).GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("intake answered " + response.statusCode() + " to the reception log of " + mall);
        }
    }

    /**
     * Gives the mall the longest service levels a mall may set (dispatch and contact within a day, repairs within 30
     * days, complaints within 30 working days, no same-day rule), so orders nobody works on do not breach while the
     * benchmark measures.
     */
    public void setLongestServiceLevels(String mall) throws IOException, InterruptedException {
        var request = authorized(dispatch + "/api/v1/malls/" + mall + "/sla-policy", POST_TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(LONGEST_SERVICE_LEVELS)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("dispatch answered " + response.statusCode() + " to the service levels of " + mall
                    + ": " + response.body());
        }
    }

    private HttpRequest.Builder authorized(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Authorization", "Bearer " + token);
    }

    /** Whether intake and dispatch answer their health checks at all. */
    public boolean reachable() {
        for (String base : new String[] {intake, dispatch}) {
            try {
                var request = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(5))
                        .GET().build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** A phone-reported repair at the place, in the README's body, with one of the usual faults as its text. */
    static String body(Place place, long sequence) {
        return """
                {"channel":"PHONE","kind":"REPAIR","description":"%s",\
                "location":{"floor":"%s","zone":"%s"},\
                "customer":{"name":"測試","phone":"13800000000","type":"SHOPPER"}}"""
                .formatted(RepairDescriptions.of(sequence), place.floor(), place.zone());
    }
}
