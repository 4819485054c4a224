package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Puts what callback-service hands to the customer-service supervisor on the consoles: a customer still not satisfied
 * after the second corrected round (seed 003 §2: the supervisor coordinates until the customer is satisfied) and a
 * customer who could not be reached. The supervisors' console shows them, and the department's, since its work is
 * concerned. The events carry no contact details.
 */
@Component
class CallbackEscalationsListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    CallbackEscalationsListener(EventInbox inbox, ConsoleFeed feed) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("dispatch.consoles.callbacks")
                .on("mall.callback.callback.escalated.v1", Map.class, feed::record)
                .on("mall.callback.callback.unreachable.v1", Map.class, feed::record);
    }

    @KafkaListener(topics = "callback.callbacks.v1", groupId = "dispatch-service-callback-consoles")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
