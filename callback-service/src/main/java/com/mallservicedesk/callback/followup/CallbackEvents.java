package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/** The events of callbacks, on {@code callback.callbacks.v1}. */
final class CallbackEvents {

    static final String TOPIC = "callback.callbacks.v1";
    static final EventType SCHEDULED = new EventType("mall.callback.callback.scheduled.v1", TOPIC);
    static final EventType COMPLETED = new EventType("mall.callback.callback.completed.v1", TOPIC);

    private CallbackEvents() {
    }

    record Scheduled(String callbackId, String requestId, String workOrderId, String department, Instant dueAt)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return SCHEDULED;
        }
    }

    /** The satisfaction result; carries no contact details (nobody downstream calls the customer). */
    record Completed(String callbackId, String requestId, String workOrderId, String kind, String department,
                     CallbackMethod method, Rating timeliness, Rating attitude, Rating quality, boolean satisfied,
                     Instant completedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return COMPLETED;
        }
    }
}
