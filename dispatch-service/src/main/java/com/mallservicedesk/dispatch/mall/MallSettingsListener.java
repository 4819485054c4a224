package com.mallservicedesk.dispatch.mall;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Intake's mall settings (contract C1): every mall's time zone and desk hours. */
@Component
class MallSettingsListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    MallSettingsListener(EventInbox inbox, Malls malls) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("dispatch.malls")
                .on("mall.intake.mall-settings.changed.v1", MallSettingsChanged.class, malls::changed);
    }

    @KafkaListener(topics = "intake.malls.v1", groupId = "dispatch-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
