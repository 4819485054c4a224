package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.escalation.EscalationRole;
import com.mallservicedesk.dispatch.escalation.EscalationTarget;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The events of work orders, on {@code dispatch.work-orders.v1}. Every one carries at least workOrderId, requestId,
 * requestNumber, department, status and occurredAt, so a console can show it without looking anything up.
 */
final class WorkOrderEvents {

    static final String TOPIC = "dispatch.work-orders.v1";
    static final EventType CREATED = new EventType("mall.dispatch.work-order.created.v1", TOPIC);
    static final EventType REASSIGNED = new EventType("mall.dispatch.work-order.reassigned.v1", TOPIC);
    static final EventType ACCEPTED = new EventType("mall.dispatch.work-order.accepted.v1", TOPIC);
    static final EventType CONTACTED = new EventType("mall.dispatch.work-order.contacted.v1", TOPIC);
    static final EventType DELAYED = new EventType("mall.dispatch.work-order.delayed.v1", TOPIC);
    static final EventType COMPLETED = new EventType("mall.dispatch.work-order.completed.v1", TOPIC);
    static final EventType TRANSFERRED = new EventType("mall.dispatch.work-order.transferred.v1", TOPIC);
    static final EventType ESCALATED = new EventType("mall.dispatch.work-order.escalated.v1", TOPIC);
    static final EventType SLA_BREACHED = new EventType("mall.dispatch.work-order.sla-breached.v1", TOPIC);
    static final EventType REOPENED = new EventType("mall.dispatch.work-order.reopened.v1", TOPIC);
    static final EventType CANCELLED = new EventType("mall.dispatch.work-order.cancelled.v1", TOPIC);

    private WorkOrderEvents() {
    }

    /** Dispatched (下達任務); department and orderedAt are null while the order waits for the front desk. */
    record Created(String workOrderId, String requestId, String requestNumber, String kind, String department,
                   Instant orderedAt, WorkOrderStatus status, String priority, Instant occurredAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CREATED;
        }
    }

    /** The front desk assigned or reassigned the order by hand; fromDepartment is null for a first assignment. */
    record Reassigned(String workOrderId, String requestId, String requestNumber, String department,
                      WorkOrderStatus status, Instant occurredAt, String fromDepartment, String toDepartment,
                      String reason, String by) implements DomainEvent {
        @Override
        public EventType eventType() {
            return REASSIGNED;
        }
    }

    record Accepted(String workOrderId, String requestId, String requestNumber, String department,
                    WorkOrderStatus status, Instant occurredAt, String by, int round) implements DomainEvent {
        @Override
        public EventType eventType() {
            return ACCEPTED;
        }
    }

    record Contacted(String workOrderId, String requestId, String requestNumber, String department,
                     WorkOrderStatus status, Instant occurredAt, String by, Instant contactedAt, int round)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return CONTACTED;
        }
    }

    record Delayed(String workOrderId, String requestId, String requestNumber, String department,
                   WorkOrderStatus status, Instant occurredAt, String reason, Instant promisedAt, String by, int round)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return DELAYED;
        }
    }

    /**
     * Returned as done (返單). Carries the customer's and every merged reporter's contact: the callback (回訪) calls
     * them back (seed 000 §4.8). workTime runs from the first order to this completion (seed 001 §二.4).
     */
    record Completed(String workOrderId, String requestId, String requestNumber, String kind, String department,
                     String summary, Instant orderedAt, Instant completedAt, Duration workTime,
                     RegisteredRequest.Contact customer, WorkOrderStatus status, Instant occurredAt, int round,
                     Duration roundWorkTime, List<RegisteredRequest.Contact> reporters, String by) implements DomainEvent {
        @Override
        public EventType eventType() {
            return COMPLETED;
        }
    }

    record Transferred(String workOrderId, String requestId, String requestNumber, String department,
                       WorkOrderStatus status, Instant occurredAt, String fromDepartment, String toDepartment,
                       String reason, String by) implements DomainEvent {
        @Override
        public EventType eventType() {
            return TRANSFERRED;
        }
    }

    /**
     * @param level   the step reached on the routine chain (1 department head … 4 property manager); a repair sent to
     *                the CS supervisor keeps the step it had
     * @param rule    the breached service level, null when someone escalated by hand
     * @param targets who must act, from the mall's stored escalation contacts (contract C5)
     */
    record Escalated(String workOrderId, String requestId, String requestNumber, String department,
                     WorkOrderStatus status, Instant occurredAt, int level, EscalationRole toRole, String reason,
                     String rule, String by, List<EscalationTarget> targets) implements DomainEvent {
        @Override
        public EventType eventType() {
            return ESCALATED;
        }
    }

    record SlaBreached(String workOrderId, String requestId, String requestNumber, String department,
                       WorkOrderStatus status, Instant occurredAt, String rule, Instant deadline, int round)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return SLA_BREACHED;
        }
    }

    record Reopened(String workOrderId, String requestId, String requestNumber, String department,
                    WorkOrderStatus status, Instant occurredAt, String reason, int round, String callbackId)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return REOPENED;
        }
    }

    /** @param mergedInto the parent request's work order when the request was merged as a duplicate */
    record Cancelled(String workOrderId, String requestId, String requestNumber, String department,
                     WorkOrderStatus status, Instant occurredAt, String reason, String mergedInto) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CANCELLED;
        }
    }
}
