package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every registered request: incidents open a claim file, and all are logged by place for linking. */
@Component
class IncidentReportedListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    IncidentReportedListener(EventInbox inbox, Claims claims) {
        this.inbox = inbox;
        // Safe to repeat without the inbox's record: the place log adds with $addToSet, a link is made once per request,
        // and the claim is created once by its id from the request; its counts and metrics follow only a new create.
        this.handlers = EventHandlers.forConsumer("claims.open")
                .onRepeatable("mall.intake.request.registered.v1", ReportedIncident.class, claims::onRegistered);
    }

    @KafkaListener(topics = "intake.requests.v1", groupId = "claims-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
