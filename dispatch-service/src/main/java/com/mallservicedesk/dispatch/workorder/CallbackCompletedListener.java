package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Callback results: a customer not satisfied reopens the work order (seed 000 §4.4.5, §4.8). */
@Component
class CallbackCompletedListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    CallbackCompletedListener(EventInbox inbox, WorkOrders workOrders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("dispatch.reopen")
                .on("mall.callback.callback.completed.v1", WorkOrders.CallbackResult.class, workOrders::reopenFor);
    }

    @KafkaListener(topics = "callback.callbacks.v1", groupId = "dispatch-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
