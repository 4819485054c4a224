package com.mallservicedesk.platform.kittest;

import org.junit.jupiter.api.Test;

class HealthAndMetricsTest extends KitIntegrationTest {

    @Test
    void healthReportsMongoAndKafkaUpWithoutAToken() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        registeredParcelId("M001", "metrics");
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("application=\"kittest\"")
                        .contains("platform_outbox_published_total"));
    }
}
