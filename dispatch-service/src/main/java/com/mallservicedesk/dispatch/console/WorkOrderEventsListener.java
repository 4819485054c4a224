package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Feeds the consoles from dispatch's own published events: what reaches a console is exactly what was stored with
 * the change (the outbox), so a change can never show on a console without having happened, or the other way round.
 */
@Component
class WorkOrderEventsListener {

    private static final String[] TYPES = {"created", "reassigned", "accepted", "contacted", "delayed", "completed",
            "transferred", "escalated", "sla-breached", "reopened", "cancelled"};

    private final EventInbox inbox;
    private final EventHandlers handlers;
    private final EventHandlers notifications;

    WorkOrderEventsListener(EventInbox inbox, ConsoleFeed feed) {
        this.inbox = inbox;
        // The feed numbers each event once by its id and stores it once by that number: a repeat changes nothing.
        EventHandlers h = EventHandlers.forConsumer("dispatch.consoles");
        for (String type : TYPES) {
            h.onRepeatable("mall.dispatch.work-order." + type + ".v1", Map.class, feed::record);
        }
        this.handlers = h;
        // Department notifications (contract C4) show on the notified department's console.
        this.notifications = EventHandlers.forConsumer("dispatch.consoles.notifications")
                .onRepeatable("mall.dispatch.notification.sent.v1", Map.class, feed::record)
                .onRepeatable("mall.dispatch.notification.acknowledged.v1", Map.class, feed::record)
                .onRepeatable("mall.dispatch.notification.overdue.v1", Map.class, feed::record);
    }

    @KafkaListener(topics = "dispatch.work-orders.v1", groupId = "dispatch-service-consoles")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }

    @KafkaListener(topics = "dispatch.notifications.v1", groupId = "dispatch-service-consoles")
    void onNotification(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, notifications);
    }
}
