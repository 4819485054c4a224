package com.mallservicedesk.survey.reception;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The platform's request, work-order and claim events, and intake's KPI events, into the reception figures. */
@Component
class ReceptionListener {

    private static final String[] WORK_ORDER_EVENTS = {"created", "reassigned", "accepted", "transferred", "completed",
            "sla-breached", "escalated", "reopened", "cancelled"};

    private final EventInbox inbox;
    private final EventHandlers requests;
    private final EventHandlers workOrders;
    private final EventHandlers claims;

    ReceptionListener(EventInbox inbox, RequestTracking requestTracking, WorkOrderTracking workOrderTracking,
                      ClaimTracking claimTracking, KpiTracking kpiTracking) {
        this.inbox = inbox;
        this.requests = EventHandlers.forConsumer("survey.reception-requests")
                // Safe to repeat without the inbox's record: a repeat finds the tracked request stored after the count
                // and counts nothing.
                .onRepeatable("mall.intake.request.registered.v1", IntakeRequestEvents.Registered.class,
                        requestTracking::registered)
                .on("mall.intake.request.closed.v1", IntakeRequestEvents.Closed.class, requestTracking::closed)
                .on("mall.intake.request.cancelled.v1", IntakeRequestEvents.Ended.class, requestTracking::cancelled)
                .on("mall.intake.request.merged.v1", IntakeRequestEvents.Ended.class, requestTracking::merged)
                .on("mall.intake.complaint.concluded.v1", IntakeRequestEvents.ComplaintConcluded.class,
                        kpiTracking::complaintConcluded)
                .on("mall.intake.consultation.reviewed.v1", IntakeRequestEvents.ConsultationReviewed.class,
                        kpiTracking::consultationReviewed);
        // Recorded, like the request's other events: these move counters with $inc by the difference each event makes,
        // so the inbox's check stays their first guard against a repeat.
        this.workOrders = EventHandlers.forConsumer("survey.reception-work-orders");
        for (String event : WORK_ORDER_EVENTS) {
            workOrders.on(WorkOrderTracking.PREFIX + event + ".v1", WorkOrderChange.class, workOrderTracking::changed);
        }
        this.claims = EventHandlers.forConsumer("survey.reception-claims")
                .on("mall.claims.claim.opened.v1", ClaimChange.class, claimTracking::opened)
                .on("mall.claims.claim.archived.v1", ClaimChange.class, claimTracking::archived);
    }

    @KafkaListener(topics = "intake.requests.v1", groupId = "survey-service")
    void onRequest(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, requests);
    }

    @KafkaListener(topics = "dispatch.work-orders.v1", groupId = "survey-service")
    void onWorkOrder(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, workOrders);
    }

    @KafkaListener(topics = "claims.claims.v1", groupId = "survey-service")
    void onClaim(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, claims);
    }
}
