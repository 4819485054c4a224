package com.mallservicedesk.survey.directory;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class TenantListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    TenantListener(EventInbox inbox, TenantDirectory directory) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("survey.tenant-directory")
                .on("mall.intake.tenant.registered.v1", TenantChanged.class, directory::keep)
                .on("mall.intake.tenant.updated.v1", TenantChanged.class, directory::keep);
    }

    @KafkaListener(topics = "intake.tenants.v1", groupId = "survey-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
