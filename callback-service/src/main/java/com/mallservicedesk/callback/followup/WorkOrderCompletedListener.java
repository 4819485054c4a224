package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class WorkOrderCompletedListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    WorkOrderCompletedListener(EventInbox inbox, Callbacks callbacks) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("callback.schedule")
                .on("mall.dispatch.work-order.completed.v1", CompletedWorkOrder.class, callbacks::scheduleFor);
    }

    @KafkaListener(topics = "dispatch.work-orders.v1", groupId = "callback-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
