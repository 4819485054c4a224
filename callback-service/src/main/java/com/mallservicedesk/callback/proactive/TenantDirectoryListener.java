package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Intake's tenant directory, for the daily proactive callbacks. */
@Component
class TenantDirectoryListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    TenantDirectoryListener(EventInbox inbox, DailySampling sampling) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("callback.tenant-roster")
                .on("mall.intake.tenant.registered.v1", TenantChanged.class, sampling::onTenant)
                .on("mall.intake.tenant.updated.v1", TenantChanged.class, sampling::onTenant);
    }

    @KafkaListener(topics = "intake.tenants.v1", groupId = "callback-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
