package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What departments must be told of: registered complaints and major incidents (contract C2) and published outage
 * notices (contract C3). A consumer of its own, so notifications never wait for (or hold up) the work orders.
 */
@Component
class NotificationSourcesListener {

    private final EventInbox inbox;
    private final EventHandlers requests;
    private final EventHandlers notices;

    NotificationSourcesListener(EventInbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.requests = EventHandlers.forConsumer("dispatch.notifications.requests")
                // Notifications are created once by their ids; most registrations need none.
                .onRepeatable("mall.intake.request.registered.v1", RegisteredForNotification.class, notifications::forRegistered);
        this.notices = EventHandlers.forConsumer("dispatch.notifications.notices")
                .onRepeatable("mall.intake.notice.published.v1", NoticePublished.class, notifications::forNotice);
    }

    @KafkaListener(topics = "intake.requests.v1", groupId = "dispatch-service-notifications")
    void onRequest(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, requests);
    }

    @KafkaListener(topics = "intake.notices.v1", groupId = "dispatch-service-notifications")
    void onNotice(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, notices);
    }
}
