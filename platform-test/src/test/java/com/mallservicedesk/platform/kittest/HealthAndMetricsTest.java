package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

import com.mallservicedesk.platform.test.ManagementEndpoints;
import com.mallservicedesk.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

class HealthAndMetricsTest extends KitIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void theServicePortAnswersTheHealthStatusOnlyWithoutAToken() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
        web.get().uri("/livez").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        web.get().uri("/readyz").exchange().expectStatus().isOk();
    }

    @Test
    void metricsAndHealthDetailsAreNotOnTheServicePortEvenWithAToken() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().is4xxClientError();
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.platformAdmin()))
                .exchange().expectStatus().is4xxClientError();
        web.get().uri("/actuator/health/mongo").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void theManagementPortShowsHealthDetails() {
        ManagementEndpoints.client(environment).get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        registeredParcelId("M001", "metrics");
        assertThat(ManagementEndpoints.prometheus(environment))
                .contains("application=\"kittest\"")
                .contains("platform_outbox_published_total");
    }

    @Test
    void aScrapeStaysSmallWithoutTheKafkaClientsHundredsOfMetrics() {
        registeredParcelId("M001", "scrape-size");
        String scrape = ManagementEndpoints.prometheus(environment);
        assertThat(scrape.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(256 * 1024);
        assertThat(scrape).contains("kafka_producer_record_send_total").doesNotContain("kafka_consumer_fetch_manager_fetch_size_avg")
                .doesNotContain("kafka_producer_node_");
    }

    @Test
    void theDeadLetterCounterOfEachConsumedTopicIsThereFromTheStartSoItsFirstIncreaseCanAlert() {
        assertThat(ManagementEndpoints.prometheus(environment))
                .contains("platform_inbox_dead_letters_total{application=\"kittest\",topic=\"kittest.parcels.v1\"}");
    }

    @Test
    void theMallTagIsBoundedWhateverMallsCallersName() {
        // The test profile keeps 40 malls; a caller allowed in every mall naming 60 made-up ones adds no more.
        String everywhere = TestTokens.token("desk-everywhere", java.util.List.of("*"), java.util.List.of("FRONT_DESK"), null);
        for (int i = 0; i < 60; i++) {
            web.post().uri("/api/v1/malls/made-up-{n}/parcels", i)
                    .headers(h -> h.setBearerAuth(everywhere))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(java.util.Map.of("label", "tag", "sender", "s"))
                    .exchange().expectStatus().isCreated();
        }
        long malls = java.util.regex.Pattern.compile("mall=\"([^\"]+)\"").matcher(ManagementEndpoints.prometheus(environment))
                .results().map(match -> match.group(1)).distinct().count();
        assertThat(malls).isBetween(20L, 40L);
    }

    @Test
    void theManagementPortIsNotReachableFromOtherAddressesOfThisMachine() throws Exception {
        int port = environment.getRequiredProperty("local.management.port", Integer.class);
        var outside = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no address besides loopback");
        try (var socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), port), 2000))
                    .isInstanceOf(ConnectException.class);
        }
    }
}
