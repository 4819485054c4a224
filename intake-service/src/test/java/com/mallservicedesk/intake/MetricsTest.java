package com.mallservicedesk.intake;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest extends IntakeIntegrationTest {

    @Test
    void requestsAndAcceptanceTimesAreScrapedPerMallChannelAndKind() {
        String mall = newMall();
        repair(mall, "1F", "A", "13800000050");
        repair(mall, "1F", "B", "13800000051");
        String id = (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                Map.of("kind", "COMPLAINT", "description", "微信投訴"), mall, "WECHAT")
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/accept", Map.of(), mall, id).expectStatus().isOk();

        String scrape = ManagementEndpoints.client(environment).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).containsPattern("msd_intake_requests_total\\{[^}]*channel=\"PHONE\"[^}]*kind=\"REPAIR\"[^}]*mall=\""
                + mall + "\"[^}]*} 2\\.0");
        assertThat(scrape).containsPattern("msd_intake_requests_total\\{[^}]*channel=\"WECHAT\"[^}]*kind=\"COMPLAINT\"[^}]*mall=\""
                + mall + "\"[^}]*} 1\\.0");
        assertThat(scrape).containsPattern("msd_intake_acceptance_time_seconds_bucket\\{[^}]*mall=\"" + mall + "\"");
        assertThat(scrape).containsPattern("msd_intake_acceptance_time_seconds_count\\{[^}]*mall=\"" + mall + "\"[^}]*} 1");
    }

    @Test
    void theFreeTextIndexTellsWhatWaitsAndHowLongTextsWaited() {
        double batchesBefore = scraped("msd_intake_search_index_lag_seconds_count");
        String mall = newMall();
        repair(mall, "2F", "C", "13800000052");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(scraped("msd_intake_search_index_lag_seconds_count")).isGreaterThan(batchesBefore);
            assertThat(scraped("msd_intake_search_index_waiting")).isZero();
        });
        assertThat(scraped("msd_intake_search_index_lag_seconds_max")).isGreaterThanOrEqualTo(0);
    }

    /** The value of a meter without tags, as scraped. */
    private double scraped(String meter) {
        String scrape = ManagementEndpoints.client(environment).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines().filter(line -> line.startsWith(meter + " ") || line.startsWith(meter + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(meter + " not scraped"));
    }
}
