package com.mallservicedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.e2e.fuzz.ApiDocument;
import com.mallservicedesk.e2e.fuzz.ApiFuzzing;
import com.mallservicedesk.e2e.fuzz.FuzzReport;
import com.mallservicedesk.platform.test.InfrastructureAvailable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input derived from every service's published OpenAPI document, sent to the running platform: wrong types,
 * missing, oversize, unicode and control-character fields and parameters; huge bodies, malformed JSON, wrong content
 * types; path traversal in ids; bad Accept-Language; missing, forged, expired and other malls' tokens. Expected: no
 * server error, every client error a problem+json, nothing of another mall in any answer. The cases are fixed by the
 * seed ({@code -Dfuzz.seed}); the figures and the failing cases are written to target/api-fuzz. See docs/api-fuzzing.md.
 */
@Tag("integration")
@ExtendWith(InfrastructureAvailable.class)
class ApiFuzzTest {

    private static final List<String> SERVICES = List.of("intake-service", "dispatch-service", "callback-service",
            "claims-service", "survey-service");
    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    private static final int MIN_CASES = Integer.getInteger("fuzz.minCases", 10_000);
    private static final int CONCURRENCY = Integer.getInteger("fuzz.concurrency", 4);

    @Test
    void badInputFromTheDocumentsGetsProblemAnswersAndNothingOfAnotherMall() throws Exception {
        ServiceProcesses platform = SharedPlatform.get();
        Map<String, List<String>> urls = new LinkedHashMap<>();
        SERVICES.forEach(service -> urls.put(service, platform.urls(service)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        for (String service : SERVICES) {
            // The services run with the 'local' profile here: the document is OpenAPI 3.1 and the UI is on.
            assertThat(ApiDocument.fetch(http, service, urls.get(service).get(0)).openApiVersion()).startsWith("3.1");
            HttpResponse<Void> ui = http.send(HttpRequest.newBuilder(URI.create(urls.get(service).get(0) + "/swagger-ui.html"))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(ui.statusCode()).as(service + " /swagger-ui.html").isBetween(200, 399);
        }

        FuzzReport report = new ApiFuzzing(http, urls, SEED, MIN_CASES, CONCURRENCY).run();
        report.write(Path.of("target/api-fuzz"));
        System.out.println(report.table());
        System.out.println(report.families());

        assertThat(report.cases()).as("cases").isGreaterThanOrEqualTo(MIN_CASES);
        assertThat(report.failures()).as(report.firstFailures(20)).isEmpty();
    }
}
