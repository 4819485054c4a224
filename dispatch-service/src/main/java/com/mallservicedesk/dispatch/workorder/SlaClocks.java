package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.department.Departments;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.dispatch.sla.SlaPolicies;
import com.mallservicedesk.dispatch.sla.SlaPolicy;
import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.events.PoisonEventException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps a work order's durable service-level timers in line with its state: before every save it computes which
 * clocks should run in the current round and when they expire (in the assigned department's calendar); the order
 * stores the timer changes with the change itself, so no clock is ever lost between two writes. Timer ids name the round, and for a department's own rules the hand-over
 * ({@code sla:<workOrderId>:<round>[.<handover>]:<rule>}), so a reopened or transferred order gets fresh clocks while
 * the breaches of earlier clocks stay recorded.
 */
@Component
class SlaClocks {

    static final String KIND = "dispatch.sla";

    private final SlaPolicies policies;
    private final Departments departments;

    SlaClocks(SlaPolicies policies, Departments departments) {
        this.policies = policies;
        this.departments = departments;
    }

    /** @param clock the round, and for a department's own rules the hand-over too: {@code 2} or {@code 2.1} */
    static String timerId(String workOrderId, String clock, SlaRule rule) {
        return "sla:" + workOrderId + ":" + clock + ":" + rule;
    }

    /**
     * Runs before every save of a work order: computes which clocks should run in the current round and when they
     * expire (in the assigned department's calendar), so the order stores the matching timer changes in the same write.
     */
    Mono<WorkOrder> plan(WorkOrder order) {
        return Mono.zip(policies.of(order.getMallId()), departments.calendarOf(order.getMallId(), order.getDepartment()))
                .map(both -> {
                    order.runClocks(deadlines(order, both.getT1(), both.getT2()));
                    return order;
                });
    }

    /**
     * The deadlines that should be running for the order as it is now. Policies and calendars are bounded when
     * written and repaired when read, so the arithmetic always finds a deadline; should it fail all the same, that
     * is deterministic (the same order, policy and calendar fail again on every retry): a {@link PoisonEventException}
     * naming the order sends the event to the dead-letter topic at once, instead of a raw arithmetic error retried
     * for 30 s on the partition every mall shares.
     */
    static Map<SlaRule, Instant> deadlines(WorkOrder order, SlaPolicy policy, WorkingCalendar calendar) {
        try {
            return computeDeadlines(order, policy, calendar);
        } catch (ArithmeticException | DateTimeException | IllegalStateException e) {
            throw new PoisonEventException("service-level deadlines of work order " + order.getId() + " in mall "
                    + order.getMallId() + " cannot be computed: " + e.getMessage());
        }
    }

    private static Map<SlaRule, Instant> computeDeadlines(WorkOrder order, SlaPolicy policy, WorkingCalendar calendar) {
        Map<SlaRule, Instant> due = new EnumMap<>(SlaRule.class);
        for (SlaRule rule : SlaRule.values()) {
            if (!order.applies(rule) || order.breached(rule)) {
                continue;
            }
            Instant deadline = switch (rule) {
                case DISPATCH -> order.getRequestAcceptedAt().plus(policy.dispatchWithin());
                case CONTACT -> calendar.addWorkingTime(order.getDepartmentSince(), policy.contactWithin());
                case SAME_DAY -> policy.sameDayHandling() ? calendar.endOfWorkingDay(order.getDepartmentSince()) : null;
                case PROMISED -> order.getPromisedAt();
                case REPAIR_COMPLETION -> "REPAIR".equals(order.getKind())
                        ? order.getRoundStartedAt().plus(policy.repairCompletionWithin()) : null;
                case COMPLAINT_TO_SUPERVISOR -> null; // retired, see SlaRule
                case COMPLAINT_INVESTIGATION -> "COMPLAINT".equals(order.getKind())
                        ? calendar.addWorkingDays(order.getRoundStartedAt(), policy.complaintInvestigationWorkingDays()) : null;
            };
            if (deadline != null) {
                due.put(rule, deadline);
            }
        }
        return due;
    }
}
