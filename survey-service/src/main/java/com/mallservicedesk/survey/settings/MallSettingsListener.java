package com.mallservicedesk.survey.settings;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Intake's mall settings (contract C1): the time zone each mall's months and days are counted in. */
@Component
class MallSettingsListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    MallSettingsListener(EventInbox inbox, MallSettings settings) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("survey.mall-zones")
                .on("mall.intake.mall-settings.changed.v1", MallSettingsChanged.class, settings::apply);
    }

    @KafkaListener(topics = "intake.malls.v1", groupId = "survey-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
