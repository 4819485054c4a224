package com.mallservicedesk.platform.test;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test's Spring context at the shared test broker and MongoDB-wire server. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.current();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testInfrastructure", Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(),
                "platform.outbox.poll-interval", "PT0.2S",
                "platform.inbox.retry-max-elapsed", "PT2S",
                "platform.inbox.retry-initial-interval", "PT0.1S")));
        if (context instanceof GenericApplicationContext generic) {
            // A Prometheus scrape (several consumers' Kafka client metrics) is larger than the client's default buffer.
            generic.registerBean("largeResponsesInTests", WebTestClientBuilderCustomizer.class,
                    () -> builder -> builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)));
        }
    }
}
