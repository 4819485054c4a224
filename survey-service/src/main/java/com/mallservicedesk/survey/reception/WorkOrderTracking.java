package com.mallservicedesk.survey.reception;

import static com.mallservicedesk.survey.reception.Tally.segment;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.survey.settings.MallSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Objects;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Work orders into the reception figures. Each event changes survey's copy of the order and the figures move by the
 * difference it made: open and overdue items per department, breaches by rule and department, work time of the
 * completion (a later completion after a reopening replaces the earlier one: work time is per request, seed 001
 * §二.4), and complaint timeliness on a complaint's first completion (seed 003 §監控指標). The figures move first
 * and the copy is written after them (version-checked), so a kill between the two neither loses nor doubles a count:
 * the event comes again, finds the copy as it was and moves the same figures, which recognise the event. Besides the
 * inbox's own check, each event is safe to handle again and late: one-off facts are counted once by what identifies
 * them, and an event older than the order's latest never sets its state back (a late completion of an earlier round
 * does not replace the later one's work time).
 */
@Service
class WorkOrderTracking {

    static final String PREFIX = "mall.dispatch.work-order.";

    private final ReactiveMongoTemplate mongo;
    private final PeriodCounters counters;
    private final MallSettings settings;

    WorkOrderTracking(ReactiveMongoTemplate mongo, PeriodCounters counters, MallSettings settings) {
        this.mongo = mongo;
        this.counters = counters;
        this.settings = settings;
    }

    Mono<Void> changed(IncomingEvent event, WorkOrderChange change) {
        String mallId = event.mallId();
        String what = event.type().substring(PREFIX.length(), event.type().lastIndexOf(".v"));
        return settings.zoneOf(mallId).flatMap(zone -> mongo.findOne(Query.query(Criteria.where("_id")
                                .is(change.workOrderId()).and("mallId").is(mallId)), TrackedWorkOrder.class)
                .map(order -> new Step(order, false))
                .defaultIfEmpty(new Step(fresh(mallId, change, event, zone), true))
                .flatMap(step -> apply(step, what, change, event, zone)));
    }

    private record Step(TrackedWorkOrder order, boolean fresh) {
    }

    private TrackedWorkOrder fresh(String mallId, WorkOrderChange change, IncomingEvent event, ZoneId zone) {
        var order = new TrackedWorkOrder();
        order.id = change.workOrderId();
        order.mallId = mallId;
        order.requestId = change.requestId();
        ZonedDateTime at = when(change, event).atZone(zone);
        order.month = YearMonth.from(at).toString();
        order.day = at.toLocalDate().toString();
        order.zone = zone.getId();
        return order;
    }

    private Mono<Void> apply(Step step, String what, WorkOrderChange change, IncomingEvent event, ZoneId zone) {
        TrackedWorkOrder order = step.order();
        if (order.counted == null) {
            order.counted = new ArrayList<>();
        }
        var before = step.fresh() ? new TrackedWorkOrder.Standing(false, false, null) : order.standing();
        ZonedDateTime at = when(change, event).atZone(zone);
        // An event older than one already applied (delivered again, or late) counts what it alone tells, once, but
        // never sets the order's state back.
        boolean stale = order.lastChangeAt != null && at.toInstant().isBefore(order.lastChangeAt);
        var moves = new FigureMoves(order.mallId, zone);
        Tally inEventPeriod = new Tally();
        Tally inCreatedPeriod = new Tally();
        if (change.kind() != null) {
            order.kind = change.kind();
        }
        if (change.department() != null && !stale) {
            order.department = change.department();
        }
        String department = segment(order.department);
        switch (what) {
            case "created" -> {
                if (step.fresh()) {
                    inCreatedPeriod.add("workOrders.created", 1).add("workOrders.byDepartment." + department + ".created", 1);
                }
                if (order.status == null) {
                    order.status = change.status() != null ? change.status() : "ASSIGNED";
                }
            }
            case "sla-breached" -> {
                String rule = segment(change.rule());
                String key = rule + "|" + change.deadline();
                if (!order.breaches.contains(key)) {
                    order.breaches.add(key);
                    inEventPeriod.add("breaches.total", 1).add("breaches.byRule." + rule, 1)
                            .add("breaches.byDepartment." + department, 1)
                            .add("breaches.byRuleDepartment." + rule + "." + department, 1);
                    if (!stale) {
                        order.overdue = true;
                    }
                    if (TrackedWorkOrder.COMPLAINT_RULES.contains(rule)) {
                        order.complaintRuleBreached = true;
                    }
                }
            }
            case "escalated" -> {
                if (countOnce(order, "escalated|" + at.toInstant() + "|" + change.level() + "|" + change.toRole())) {
                    inEventPeriod.add("escalations.total", 1).add("escalations.byRole." + segment(change.toRole()), 1);
                }
            }
            case "completed" -> {
                Instant done = change.completedAt() != null ? change.completedAt() : at.toInstant();
                Instant ordered = change.orderedAt() != null ? change.orderedAt() : done;
                long minutes = Math.max(0, Duration.between(ordered, done).toMinutes());
                boolean sameCompletion = order.workCounted && done.equals(order.workCompletedAt)
                        && Objects.equals(change.round(), order.workRound);
                boolean earlierCompletion = order.workCompletedAt != null && (done.isBefore(order.workCompletedAt)
                        || change.round() != null && order.workRound != null && change.round() < order.workRound);
                if (!stale) {
                    order.overdue = false;
                    order.status = "COMPLETED";
                }
                if (sameCompletion || earlierCompletion) {
                    // Counted already, or replaced by a later completion: the work time stays the latest one's.
                    return save(event, order, before, moves, inCreatedPeriod, at.toInstant());
                }
                if (order.workCounted) {
                    moves.in(order.workMonth, order.workDay, new Tally()
                            .add("workOrders.completed", -1).add("workOrders.workMinutes", -order.workMinutes)
                            .add("workOrders.byDepartment." + segment(order.workDepartment) + ".completed", -1)
                            .add("workOrders.byDepartment." + segment(order.workDepartment) + ".workMinutes",
                                    -order.workMinutes));
                }
                ZonedDateTime doneAt = done.atZone(zone);
                order.workCounted = true;
                order.workMinutes = minutes;
                order.workDepartment = order.department;
                order.workRound = change.round();
                order.workCompletedAt = done;
                order.workMonth = YearMonth.from(doneAt).toString();
                order.workDay = doneAt.toLocalDate().toString();
                Tally work = new Tally().add("workOrders.completed", 1).add("workOrders.workMinutes", minutes)
                        .add("workOrders.byDepartment." + department + ".completed", 1)
                        .add("workOrders.byDepartment." + department + ".workMinutes", minutes);
                if ("COMPLAINT".equals(order.kind) && !order.complaintCounted) {
                    order.complaintCounted = true;
                    work.add("complaints.handled", 1).add("complaints.timely", order.complaintRuleBreached ? 0 : 1);
                }
                return save(event, order, before, moves.in(order.workMonth, order.workDay, work), inCreatedPeriod,
                        at.toInstant());
            }
            case "reopened" -> {
                String reopening = change.round() != null ? "round " + change.round() : at.toInstant().toString();
                if (countOnce(order, "reopened|" + reopening)) {
                    inEventPeriod.add("workOrders.reopened", 1);
                }
                if (!stale) {
                    order.overdue = false;
                }
            }
            case "cancelled" -> {
                if (!stale) {
                    order.overdue = false;
                }
            }
            default -> {
                // accepted, reassigned, transferred: the status and department below are all that changes
            }
        }
        if (change.status() != null && !stale) {
            order.status = change.status();
        }
        return save(event, order, before, moves.at(at, inEventPeriod), inCreatedPeriod, at.toInstant());
    }

    /** True the first time a one-off fact of the order is seen (its key is remembered on the order). */
    private static boolean countOnce(TrackedWorkOrder order, String key) {
        if (order.counted.contains(key)) {
            return false;
        }
        order.counted.add(key);
        return true;
    }

    /**
     * Adds the difference the event made to the open items and to the created period's still-open figures, counts all
     * the event's moves and then stores the copy (in that order: see {@link PeriodCounters#count}).
     */
    private Mono<Void> save(IncomingEvent event, TrackedWorkOrder order, TrackedWorkOrder.Standing before,
                            FigureMoves moves, Tally inCreatedPeriod, Instant eventAt) {
        if (order.lastChangeAt == null || eventAt.isAfter(order.lastChangeAt)) {
            order.lastChangeAt = eventAt;
        }
        var after = order.standing();
        Tally open = new Tally();
        if (before.open()) {
            open.add("workOrders.open", -1).add("workOrders.byDepartment." + segment(before.department()) + ".open", -1);
            inCreatedPeriod.add("workOrders.stillOpen", -1);
        }
        if (before.overdue()) {
            open.add("workOrders.overdue", -1)
                    .add("workOrders.byDepartment." + segment(before.department()) + ".overdue", -1);
            inCreatedPeriod.add("workOrders.stillOverdue", -1);
        }
        if (after.open()) {
            open.add("workOrders.open", 1).add("workOrders.byDepartment." + segment(after.department()) + ".open", 1);
            inCreatedPeriod.add("workOrders.stillOpen", 1);
        }
        if (after.overdue()) {
            open.add("workOrders.overdue", 1).add("workOrders.byDepartment." + segment(after.department()) + ".overdue", 1);
            inCreatedPeriod.add("workOrders.stillOverdue", 1);
        }
        return counters.count(event, moves.in(order.month, order.day, inCreatedPeriod).open(open), mongo.save(order));
    }

    private static Instant when(WorkOrderChange change, IncomingEvent event) {
        return change.occurredAt() != null ? change.occurredAt() : event.time();
    }
}
