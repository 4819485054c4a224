package com.mallservicedesk.callback.mall;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Intake's mall settings (contract C1): each mall's time zone, kind of site and desk hours. */
@Component
class MallSettingsListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    MallSettingsListener(EventInbox inbox, MallSites sites) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("callback.mall-sites")
                .on("mall.intake.mall-settings.changed.v1", MallSettingsChanged.class, sites::apply);
    }

    @KafkaListener(topics = "intake.malls.v1", groupId = "callback-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
