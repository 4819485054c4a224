package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The events of callbacks, on {@code callback.callbacks.v1}. None carries a contact detail: nobody downstream calls
 * the customer. {@code kind} is the request's kind (null for daily callbacks), {@code callbackKind} the callback's.
 */
final class CallbackEvents {

    static final String TOPIC = "callback.callbacks.v1";
    static final EventType SCHEDULED = new EventType("mall.callback.callback.scheduled.v1", TOPIC);
    static final EventType ATTEMPTED = new EventType("mall.callback.callback.attempted.v1", TOPIC);
    static final EventType COMPLETED = new EventType("mall.callback.callback.completed.v1", TOPIC);
    static final EventType PROACTIVE_COMPLETED = new EventType("mall.callback.callback.proactive-completed.v1", TOPIC);
    static final EventType UNSATISFIED = new EventType("mall.callback.callback.unsatisfied.v1", TOPIC);
    static final EventType ESCALATED = new EventType("mall.callback.callback.escalated.v1", TOPIC);
    static final EventType OVERDUE = new EventType("mall.callback.callback.overdue.v1", TOPIC);
    static final EventType UNREACHABLE = new EventType("mall.callback.callback.unreachable.v1", TOPIC);

    /** Who an escalation or an unreachable customer goes to (seed 003 §2, seed 000 §4.3.6). */
    static final String SUPERVISOR = "SUPERVISOR";

    private CallbackEvents() {
    }

    /** A callback is planned: due from {@code callableFrom}, overdue after {@code dueAt}. */
    record Scheduled(String callbackId, String requestId, String workOrderId, String department, Instant dueAt,
                     String kind, CallbackKind callbackKind, int round, Instant callableFrom, String previousCallbackId,
                     String tenantId, CallbackStatus status) implements DomainEvent {
        @Override
        public EventType eventType() {
            return SCHEDULED;
        }
    }

    record Attempted(String callbackId, String requestId, String workOrderId, String kind, CallbackKind callbackKind,
                     String department, int round, CallbackMethod method, AttemptOutcome outcome, Instant attemptedAt,
                     int unreachableDays, int maxUnreachableAttempts, CallbackStatus status) implements DomainEvent {
        @Override
        public EventType eventType() {
            return ATTEMPTED;
        }
    }

    /**
     * The answers of completed work's callback. Dispatch reopens the work order when {@code satisfied} is false;
     * intake puts it on the request's timeline; survey counts it.
     */
    record Completed(String callbackId, String requestId, String workOrderId, String kind, String department,
                     CallbackMethod method, Rating timeliness, Rating attitude, Rating quality, boolean satisfied,
                     Instant completedAt, CallbackKind callbackKind, int round, Boolean complaintResolved,
                     Boolean outcomeAccepted, List<String> dissatisfiedWith, boolean onTime, Instant dueAt,
                     String previousCallbackId, CallbackStatus status) implements DomainEvent {
        @Override
        public EventType eventType() {
            return COMPLETED;
        }
    }

    /** The answers of a daily proactive callback to a tenant (seed 000 §4.5); no request, no work order. */
    record ProactiveCompleted(String callbackId, String tenantId, String sampleDate, CallbackKind callbackKind,
                              CallbackMethod method, Rating overall, Rating attitude, Rating quality, boolean satisfied,
                              List<String> dissatisfiedWith, Instant completedAt, boolean onTime) implements DomainEvent {
        @Override
        public EventType eventType() {
            return PROACTIVE_COMPLETED;
        }
    }

    /**
     * The customer was not satisfied: corrective action and another callback until satisfied (跟蹤回訪、直至合格為止,
     * seed 000 §4.8). {@code unsatisfiedRounds} counts the unsatisfied callbacks of this work order so far.
     */
    record Unsatisfied(String callbackId, String requestId, String workOrderId, String kind, CallbackKind callbackKind,
                       String department, int round, List<String> dissatisfiedWith, int unsatisfiedRounds,
                       String tenantId, Instant completedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return UNSATISFIED;
        }
    }

    /**
     * The request has had the mall's number of unsatisfied callbacks ({@code supervisorAfterUnsatisfied}, default 2)
     * or more: the case is handed to the customer-service supervisor, who coordinates the corrective action until the
     * customer is satisfied (seed 003 §2 "客服主管應協調相關部門重新處理,直至客戶滿意為止"; seed 000 §4.8). Published at the
     * callback that reaches the threshold ({@code handover} true) and at every further unsatisfied one. Consoles show it.
     */
    record Escalated(String callbackId, String requestId, String workOrderId, String kind, CallbackKind callbackKind,
                     String department, int round, int unsatisfiedRounds, String toRole, String reason,
                     CallbackStatus status, Instant occurredAt, String requestNumber, int supervisorAfterUnsatisfied,
                     List<String> dissatisfiedWith, boolean handover) implements DomainEvent {
        @Override
        public EventType eventType() {
            return ESCALATED;
        }
    }

    record Overdue(String callbackId, String requestId, String workOrderId, String kind, CallbackKind callbackKind,
                   String department, int round, Instant dueAt, CallbackStatus status, Instant occurredAt)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return OVERDUE;
        }
    }

    /** Not reached after the mall's number of attempts on different days: not done; the supervisor is told. */
    record Unreachable(String callbackId, String requestId, String workOrderId, String kind, CallbackKind callbackKind,
                       String department, int round, int attempts, int unreachableDays, String toRole,
                       CallbackStatus status, Instant occurredAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return UNREACHABLE;
        }
    }
}
