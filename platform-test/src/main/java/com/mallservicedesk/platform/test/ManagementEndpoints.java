package com.mallservicedesk.platform.test;

import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service's actuator on its management port (loopback, random in tests), where metrics and health details
 * live; the service port answers only the health status.
 */
public final class ManagementEndpoints {

    private static final int SCRAPE_LIMIT = 16 * 1024 * 1024;

    private ManagementEndpoints() {
    }

    public static WebTestClient client(Environment environment) {
        int port = environment.getRequiredProperty("local.management.port", Integer.class);
        // A scrape of a test context shared by a whole suite (hundreds of malls' histograms) passes the 256 KB default.
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(SCRAPE_LIMIT)).build();
    }

    /** One Prometheus scrape, as Prometheus would read it. */
    public static String prometheus(Environment environment) {
        return client(environment).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
