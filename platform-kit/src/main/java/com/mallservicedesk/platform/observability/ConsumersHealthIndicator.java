package com.mallservicedesk.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The service's event consumers are up while every listener container that was started still runs. A container stops
 * for good when its listener throws an {@link Error} (a class built against another version of the kit, memory running
 * out): the service still answers its API and looked healthy, yet consumed nothing, and the consumer-lag metrics went
 * away with the consumer. Part of the liveness group, so the orchestrator restarts such an instance; the gauge
 * {@code platform.consumers.stopped} lets an alert say so.
 */
public class ConsumersHealthIndicator extends AbstractHealthIndicator {

    private final KafkaListenerEndpointRegistry listeners;

    public ConsumersHealthIndicator(KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        this.listeners = listeners;
        Gauge.builder("platform.consumers.stopped", this, indicator -> indicator.stopped().size())
                .description("Event listeners that stopped by themselves and consume nothing until the instance restarts")
                .register(meters);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> stopped = stopped();
        if (stopped.isEmpty()) {
            builder.up().withDetail("listeners", listeners.getListenerContainers().size());
        } else {
            builder.down().withDetail("stopped", stopped);
        }
    }

    /** Containers neither running nor stopped on purpose (never started, or stopped normally, is as expected). */
    List<String> stopped() {
        return listeners.getListenerContainers().stream()
                .filter(container -> !container.isInExpectedState())
                .map(MessageListenerContainer::getListenerId)
                .sorted()
                .toList();
    }
}
