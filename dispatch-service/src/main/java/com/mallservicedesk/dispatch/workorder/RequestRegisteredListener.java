package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Intake's request events: registered opens a work order, cancelled and merged close it. */
@Component
class RequestRegisteredListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    RequestRegisteredListener(EventInbox inbox, WorkOrders workOrders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("dispatch.work-orders")
                // Opening creates the order once by its id (wo-<request id>), counters only with a new order.
                .onRepeatable("mall.intake.request.registered.v1", RegisteredRequest.class, workOrders::openFor)
                .on("mall.intake.request.cancelled.v1", WorkOrders.Cancellation.class, workOrders::cancelFor)
                .on("mall.intake.request.merged.v1", WorkOrders.Merge.class, workOrders::mergeFor);
    }

    @KafkaListener(topics = "intake.requests.v1", groupId = "dispatch-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
