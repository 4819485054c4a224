package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.ManagementEndpoints;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

class ConsumersHealthTest extends KitIntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    FragileListener fragile;

    @Test
    void aListenerStoppedByAnErrorMakesTheInstanceNotAliveUntilItRunsAgain() throws Exception {
        String first = "first-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(FragileListener.TOPIC, first, first)).get();
        await().until(() -> fragile.received().contains(first));
        assertThat(liveness()).isEqualTo(HttpStatus.OK);
        assertThat(scrape()).contains("platform_consumers_stopped{application=\"kittest\"} 0.0");

        fragile.arm();
        String fatal = "fatal-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(FragileListener.TOPIC, fatal, fatal)).get();

        await().untilAsserted(() -> assertThat(liveness()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        ManagementEndpoints.client(environment).get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.components.consumers.status").isEqualTo("DOWN")
                .jsonPath("$.components.consumers.details.stopped[0]").isEqualTo(FragileListener.ID);
        assertThat(scrape()).contains("platform_consumers_stopped{application=\"kittest\"} 1.0");

        // Started again (what a restart of the instance does), the record that was not committed comes again.
        listeners.getListenerContainer(FragileListener.ID).start();
        await().until(() -> fragile.received().contains(fatal));
        assertThat(liveness()).isEqualTo(HttpStatus.OK);
    }

    private HttpStatus liveness() {
        return HttpStatus.valueOf(ManagementEndpoints.client(environment).get().uri("/actuator/health/liveness")
                .exchange().returnResult(String.class).getStatus().value());
    }

    private String scrape() {
        return ManagementEndpoints.prometheus(environment);
    }
}
