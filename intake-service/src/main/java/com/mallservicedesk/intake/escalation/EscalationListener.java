package com.mallservicedesk.intake.escalation;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads dispatch's escalations (contract C5). Its own consumer group: the timeline's listener reads the same topic in
 * group {@code intake-service}, and two listeners in one group would split the partitions between them, each missing
 * the other's events.
 */
@Component
class EscalationListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    EscalationListener(EventInbox inbox, EscalationMessages messages) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("intake.escalation-messages")
                .on("mall.dispatch.work-order.escalated.v1", EscalatedWorkOrder.class, messages::onEscalated);
    }

    @KafkaListener(topics = "dispatch.work-orders.v1", groupId = "intake-service-escalations")
    void onWorkOrder(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
