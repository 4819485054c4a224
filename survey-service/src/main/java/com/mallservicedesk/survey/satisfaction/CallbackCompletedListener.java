package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Callback answers (survey's respondent figures) and callback-service's own monthly statistics. */
@Component
class CallbackCompletedListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    CallbackCompletedListener(EventInbox inbox, SatisfactionTally tally, CallbackStatistics statistics) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("survey.callback-satisfaction")
                .on("mall.callback.callback.completed.v1", CallbackAnswered.class, tally::count)
                .on("mall.callback.stats.updated.v1", CallbackStatsUpdated.class, statistics::keep);
    }

    @KafkaListener(topics = "callback.callbacks.v1", groupId = "survey-service")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }
}
