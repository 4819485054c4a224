package com.mallservicedesk.callback.requests;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class RequestRegisteredListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    RequestRegisteredListener(EventInbox inbox, RequestFactsBook book) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("callback.request-facts")
                // The facts are inserted once by the request's id: a repeat changes nothing.
                .onRepeatable("mall.intake.request.registered.v1", RegisteredRequest.class, book::record);
    }

    @KafkaListener(topics = "intake.requests.v1", groupId = "callback-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
