package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.intake.complaint.ComplaintData.EndedRequest;
import com.mallservicedesk.intake.complaint.ComplaintData.RegisteredRequest;
import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads intake's own request events: a registered COMPLAINT opens its register (after the request is stored, so a
 * register never exists without its request); a cancelled or merged one withdraws it.
 */
@Component
class ComplaintListener {

    private final EventInbox inbox;
    private final EventHandlers requests;

    ComplaintListener(EventInbox inbox, ComplaintRegisters registers) {
        this.inbox = inbox;
        this.requests = EventHandlers.forConsumer("intake.complaints.requests")
                // Opening creates the register once by the request's id: every registration passes here, complaint or not.
                .onRepeatable("mall.intake.request.registered.v1", RegisteredRequest.class, registers::onRegistered)
                .on("mall.intake.request.cancelled.v1", EndedRequest.class, registers::onCancelled)
                .on("mall.intake.request.merged.v1", EndedRequest.class, registers::onMerged);
    }

    @KafkaListener(topics = "intake.requests.v1", groupId = "intake-service")
    void onRequest(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, requests);
    }
}
