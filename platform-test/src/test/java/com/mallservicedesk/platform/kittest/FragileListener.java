package com.mallservicedesk.platform.kittest;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A listener that, once armed, throws an {@link Error} from the listener method itself, as a listener built against
 * another version of the kit does ({@link NoSuchMethodError}): the container stops for good.
 */
@Component
class FragileListener {

    static final String ID = "kittest-fragile";
    static final String TOPIC = "kittest.fragile.v1";

    private final AtomicBoolean armed = new AtomicBoolean();
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @KafkaListener(id = ID, topics = TOPIC, groupId = ID)
    void on(List<ConsumerRecord<String, String>> records) {
        if (armed.getAndSet(false)) {
            throw new NoSuchMethodError("thrown by the test's listener");
        }
        records.forEach(record -> received.add(record.value()));
    }

    void arm() {
        armed.set(true);
    }

    List<String> received() {
        return received;
    }
}
