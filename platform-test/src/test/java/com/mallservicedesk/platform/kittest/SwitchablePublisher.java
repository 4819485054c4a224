package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.EventPublisher;
import com.mallservicedesk.platform.outbox.KafkaEventPublisher;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The real Kafka publisher, with a switch that makes every send fail as if the process died before it. */
@Component
@Primary
public class SwitchablePublisher implements EventPublisher {

    private final KafkaEventPublisher kafka;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger failedSends = new AtomicInteger();
    private volatile String failingData;

    SwitchablePublisher(KafkaTemplate<String, String> template) {
        this.kafka = new KafkaEventPublisher(template, "/mall-service-desk/kittest", java.time.Duration.ofSeconds(10));
    }

    @Override
    public Mono<Void> publish(PendingEvent event) {
        if (failing.get() || (failingData != null && event.data().contains(failingData))) {
            failedSends.incrementAndGet();
            return Mono.error(new IllegalStateException("send interrupted by the test"));
        }
        return kafka.publish(event);
    }

    /** Sends straight to Kafka, bypassing the switch: what a relay did just before it crashed. */
    public Mono<Void> publishDirectly(PendingEvent event) {
        return kafka.publish(event);
    }

    /** Fails only the sends whose data contains the text: one broken document among healthy ones. */
    public void failSendsContaining(String text) {
        failingData = text;
    }

    public void failSends(boolean fail) {
        failing.set(fail);
    }

    public int failedSends() {
        return failedSends.get();
    }
}
