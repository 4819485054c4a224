package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Duration;
import java.time.Instant;

/** The events of work orders, on {@code dispatch.work-orders.v1}. */
final class WorkOrderEvents {

    static final String TOPIC = "dispatch.work-orders.v1";
    static final EventType CREATED = new EventType("mall.dispatch.work-order.created.v1", TOPIC);
    static final EventType COMPLETED = new EventType("mall.dispatch.work-order.completed.v1", TOPIC);

    private WorkOrderEvents() {
    }

    record Created(String workOrderId, String requestId, String requestNumber, String kind, String department,
                   Instant orderedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CREATED;
        }
    }

    /** Carries the customer's contact: the callback (回訪) calls the customer back (seed 000 §4.8). */
    record Completed(String workOrderId, String requestId, String requestNumber, String kind, String department,
                     String summary, Instant orderedAt, Instant completedAt, Duration workTime,
                     RegisteredRequest.Contact customer) implements DomainEvent {
        @Override
        public EventType eventType() {
            return COMPLETED;
        }
    }
}
