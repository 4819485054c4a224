package com.mallservicedesk.platform.config;

import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.housekeeping.Housekeeping;
import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.inbox.DeadLetterErrorHandlerFactory;
import com.mallservicedesk.platform.inbox.EventInbox;
import com.mallservicedesk.platform.observability.ConsumersHealthIndicator;
import com.mallservicedesk.platform.observability.KafkaHealthIndicator;
import com.mallservicedesk.platform.observability.MongoPingHealthIndicator;
import com.mallservicedesk.platform.observability.MetricLimits;
import com.mallservicedesk.platform.observability.ServicePortHealth;
import com.mallservicedesk.platform.tenancy.MallIds;
import io.micrometer.core.instrument.config.MeterFilter;
import com.mallservicedesk.platform.outbox.EventPublisher;
import com.mallservicedesk.platform.outbox.KafkaEventPublisher;
import com.mallservicedesk.platform.outbox.OutboxCallbacks;
import com.mallservicedesk.platform.outbox.OutboxRelay;
import com.mallservicedesk.platform.problem.ProblemExceptionHandler;
import com.mallservicedesk.platform.problem.ProblemWriter;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.web.RejectedRequests;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.ConfigurationChanges;
import com.mallservicedesk.platform.store.CounterMoves;
import com.mallservicedesk.platform.store.IncrementsOnce;
import com.mallservicedesk.platform.timer.Timer;
import com.mongodb.WriteConcern;
import com.mongodb.connection.TransportSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Lazy;
import com.mallservicedesk.platform.timer.TimerHandler;
import com.mallservicedesk.platform.timer.TimerPoller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the platform kit into a service: events, outbox relay, inbox, problems (firewall refusals included), health,
 * idempotency, kept configuration.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventFactory eventFactory(JsonMapper json, Clock clock) {
        return new EventFactory(json, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, String> kafka, PlatformProperties properties,
                                  @Value("${spring.application.name}") String application) {
        return new KafkaEventPublisher(kafka, "/mall-service-desk/" + application, properties.outbox().sendTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher, DurableTimers timers,
                            CounterMoves counterMoves, PlatformProperties properties, MeterRegistry meters, Clock clock) {
        var outbox = properties.outbox();
        return new OutboxRelay(mongo, publisher, timers, counterMoves, new OutboxRelay.Settings(outbox.pollInterval(),
                outbox.batchSize(), outbox.maxInFlight(), outbox.lease()), meters, clock);
    }

    @Bean
    OutboxCallbacks outboxCallbacks(@Lazy OutboxRelay relay) {
        return new OutboxCallbacks(relay);
    }

    @Bean
    AggregateStores aggregateStores(ReactiveMongoTemplate mongo, EventFactory events) {
        return new AggregateStores(mongo, events);
    }

    @Bean
    IncrementsOnce incrementsOnce(ReactiveMongoTemplate mongo) {
        return new IncrementsOnce(mongo);
    }

    @Bean
    CounterMoves counterMoves(IncrementsOnce incrementsOnce) {
        return new CounterMoves(incrementsOnce);
    }

    @Bean
    ConfigurationChanges configurationChanges(ReactiveMongoTemplate mongo, Clock clock, PlatformProperties properties) {
        var changes = properties.configurationChanges();
        return new ConfigurationChanges(mongo, clock, changes.pollInterval(), changes.kept());
    }

    @Bean
    EventInbox eventInbox(ReactiveMongoTemplate mongo, JsonMapper json, MeterRegistry meters, Clock clock,
                          PlatformProperties properties) {
        return new EventInbox(mongo, json, meters, clock, properties.inbox().handlerTimeout(),
                properties.inbox().concurrency());
    }

    /**
     * Real MongoDB acknowledges a write only once a majority of the replica set journaled it, so an acknowledged
     * change (and the events in its outbox) survives a failover. A write concern in the connection string still wins.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer majorityJournaledWrites(
            @Value("${spring.mongodb.uri:mongodb://127.0.0.1:27017}") String uri) {
        return builder -> {
            if (!uri.contains("w=") && !uri.contains("journal=")) {
                builder.writeConcern(WriteConcern.MAJORITY.withJournal(true));
            }
        };
    }

    /**
     * The MongoDB driver's own asynchronous transport (Java NIO channels and buffers), not the Netty one Spring Boot
     * picks when Netty is on the class path. Profiled under load, writing commands into Netty's buffers (a bounds and
     * reference-count check for every byte) took a third of intake's CPU. Runs after Boot's choice, so it decides.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer driverAsyncTransport() {
        return builder -> builder.transportSettings(TransportSettings.asyncBuilder().build());
    }

    @Bean
    CommonErrorHandler deadLetterErrorHandler(KafkaTemplate<?, ?> template, PlatformProperties properties,
                                              MeterRegistry meters) {
        // Each consumed topic's counter exists from the start at 0: Prometheus sees the first dead letter as an
        // increase (a counter that appears at 1 has no increase, and its alert would never fire).
        properties.topics().consumed().forEach(topic -> meters.counter("platform.inbox.dead.letters", "topic", topic));
        return DeadLetterErrorHandlerFactory.create(template, properties.inbox().retryInitialInterval(),
                properties.inbox().retryMaxElapsed(), meters);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
        var topics = properties.topics();
        List<NewTopic> all = new ArrayList<>();
        topics.owned().forEach(name -> all.add(new NewTopic(name, topics.partitions(), topics.replicas())));
        topics.consumed().forEach(name -> all.add(new NewTopic(name + DeadLetterErrorHandlerFactory.DLT_SUFFIX,
                topics.partitions(), topics.replicas())));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    @Bean
    DurableTimers durableTimers(ReactiveMongoTemplate mongo, Clock clock) {
        var timers = new DurableTimers(mongo, clock);
        timers.adoptStoredTimers().block(Duration.ofMinutes(2));
        return timers;
    }

    @Bean
    TimerPoller timerPoller(ReactiveMongoTemplate mongo, List<TimerHandler> handlers, Clock clock,
                            PlatformProperties properties, MeterRegistry meters) {
        var settings = properties.timers();
        return new TimerPoller(mongo, handlers, clock, settings.pollInterval(), settings.lease(), settings.maxAttempts(),
                meters);
    }

    @Bean
    Housekeeping housekeeping(ReactiveMongoTemplate mongo, Clock clock, PlatformProperties properties) {
        return new Housekeeping(mongo, clock, properties.housekeeping());
    }

    @Bean
    IdempotentRequests idempotentRequests(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock,
                                          PlatformProperties properties) {
        return new IdempotentRequests(mongo, json, clock, properties.idempotency().claim());
    }

    @Bean
    MallIds mallIds(ProblemWriter problems) {
        return new MallIds(problems);
    }

    @Bean
    MeterFilter trimKafkaClientMetrics() {
        return MetricLimits.trimKafkaClientMetrics();
    }

    @Bean
    MeterFilter boundMallTag(PlatformProperties properties) {
        return MetricLimits.boundMallTag(properties.metrics().maxMalls());
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json, @Value("${spring.application.name}") String application) {
        var messages = new ResourceBundleMessageSource();
        // The service's own texts (problems/<application>.properties) first, then the shared ones; Chinese is the base bundle.
        messages.setBasenames("problems/" + application, "platform/problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ProblemWriter(messages, json);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler(ProblemWriter problems) {
        return new ProblemExceptionHandler(problems);
    }

    /** The security firewall's refusals as problems; Spring Security takes this bean for its filter chain proxy. */
    @Bean
    @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return new RejectedRequests(problems);
    }

    @Bean("mongoHealthContributor")
    MongoPingHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    ServicePortHealth servicePortHealth(org.springframework.core.env.Environment environment) {
        return new ServicePortHealth(environment);
    }

    @Bean("kafkaHealthContributor")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin, Duration.ofSeconds(3));
    }

    @Bean("consumersHealthContributor")
    ConsumersHealthIndicator consumersHealthIndicator(KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        return new ConsumersHealthIndicator(listeners, meters);
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(@Value("${spring.application.name}") String application) {
        return registry -> registry.config().commonTags("application", application);
    }
}
