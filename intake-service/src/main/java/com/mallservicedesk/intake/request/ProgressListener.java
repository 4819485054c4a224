package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.complaint.ComplaintWorkOrders;
import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads what dispatch, callback and claims report about our requests; unknown types are left alone. */
@Component
class ProgressListener {

    private final EventInbox inbox;
    private final EventHandlers workOrders;
    private final EventHandlers callbacks;
    private final EventHandlers claims;
    private final EventHandlers complaintWorkOrders;

    /** @param complaints the complaint register's handlers: one listener per topic, so no record is read twice */
    ProgressListener(EventInbox inbox, RequestProgress progress, ComplaintWorkOrders complaints) {
        this.inbox = inbox;
        this.complaintWorkOrders = complaints.handlers();
        // Repeatable: each handler records a timeline entry keyed by the event id, and changes the request only when
        // that entry is new, so a redelivered event finds its entry and changes nothing.
        var handlers = EventHandlers.forConsumer("intake.timeline.work-orders");
        RequestProgress.WORK_ORDER_STEPS.keySet().forEach(type -> handlers.onRepeatable(type, WorkOrderChange.class,
                progress::onWorkOrder));
        this.workOrders = handlers;
        this.callbacks = EventHandlers.forConsumer("intake.timeline.callbacks")
                .onRepeatable("mall.callback.callback.completed.v1", CallbackResult.class, progress::onCallbackCompleted);
        var claimHandlers = EventHandlers.forConsumer("intake.timeline.claims")
                .onRepeatable("mall.claims.claim.opened.v1", ClaimOpened.class, progress::onClaimOpened);
        RequestProgress.CLAIM_STEPS.keySet().forEach(type -> claimHandlers.onRepeatable(type, ClaimProgress.class,
                progress::onClaimProgress));
        this.claims = claimHandlers;
    }

    @KafkaListener(topics = "dispatch.work-orders.v1", groupId = "intake-service")
    void onWorkOrder(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, workOrders, complaintWorkOrders);
    }

    @KafkaListener(topics = "callback.callbacks.v1", groupId = "intake-service")
    void onCallback(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, callbacks);
    }

    @KafkaListener(topics = "claims.claims.v1", groupId = "intake-service")
    void onClaim(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, claims);
    }
}
