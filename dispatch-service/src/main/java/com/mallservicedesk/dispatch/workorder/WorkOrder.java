package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.escalation.EscalationDirectory;
import com.mallservicedesk.dispatch.escalation.EscalationRole;
import com.mallservicedesk.dispatch.escalation.EscalationTarget;
import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.CounterMove;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.StateCounted;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.util.Map;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A task handed to a department for one service request (報修單 / 服務單). Each method checks that the change is
 * allowed in the current state (409 otherwise), changes the state, notes it on the timeline and returns the events.
 * A callback that finds the customer not satisfied reopens it for another round (seed 000 §4.4.5, §4.8): every
 * round has its own service-level clocks, and breaches remember their round so reports stay honest.
 */
@Document("work_orders")
@CompoundIndexes({
        @CompoundIndex(name = "mall_ordered", def = "{'mallId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = WorkOrder.OPEN_KEY, def = "{'" + WorkOrder.OPEN_KEY + "': 1}", unique = true, sparse = true)
})
public class WorkOrder implements StateCounted {

    /**
     * The field holding an open order's place in its mall's open set ({@link WorkingSetKey}, by creation time), which
     * the department console reads; absent once the order is completed, cancelled or merged.
     */
    static final String OPEN_KEY = "openKey";

    @Id
    private String id;
    private String mallId;
    private String requestId;
    private String requestNumber;
    private String kind;
    private String category;
    private String channel;
    private String priority;
    private String description;
    private RegisteredRequest.Location location;
    private RegisteredRequest.Contact customer;
    /** Every reporter of this request and of duplicates merged into it: the callback reaches each of them. */
    private List<Reporter> reporters = new ArrayList<>();
    private String department;
    private WorkOrderStatus status;
    private Instant requestAcceptedAt;
    private Instant createdAt;
    private Instant orderedAt;
    /** When the current department received it: its contact and same-day clocks start here. */
    private Instant departmentSince;
    private int round = 1;
    /** Counts hand-overs between departments, so each department's clocks are its own. */
    private int handover;
    private Instant roundStartedAt;
    private Instant roundAcceptedAt;
    private String roundAcceptedBy;
    private Instant contactedAt;
    private String delayReason;
    private Instant promisedAt;
    private Instant completedAt;
    private String summary;
    /** The step reached on the routine chain: 1 department head, 2 front desk, 3 CS head, 4 property manager. */
    private int escalationLevel;
    /** Who the latest escalation went to. */
    private EscalationRole escalatedTo;
    private boolean overdue;
    private List<Breach> breaches = new ArrayList<>();
    private List<String> reopenedByCallbacks = new ArrayList<>();
    private String closeReason;
    private String mergedInto;
    /** {@link #placeInOpenSet()} as of the last save; null (not stored) while the order is closed. */
    private String openKey;
    private List<Step> timeline = new ArrayList<>();
    private List<RunningClock> runningClocks = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();
    private Map<String, Object> countedAs;
    private List<CounterMove> countOutbox = new ArrayList<>();

    WorkOrder() {
    }

    record Reporter(String requestId, String name, String phone) {
    }

    /** A service-level clock running now: its durable timer and deadline. */
    record RunningClock(String timerId, SlaRule rule, String clock, Instant deadline) {
    }

    /**
     * Makes the running clocks the wanted ones and records the timer changes that get there, so the timers are stored
     * in the same write as the change that implies them. Unchanged clocks cause no timer change.
     */
    void runClocks(Map<SlaRule, Instant> wanted) {
        List<RunningClock> next = new ArrayList<>();
        wanted.forEach((rule, deadline) -> {
            String clock = clockOf(rule);
            var running = new RunningClock(SlaClocks.timerId(id, clock, rule), rule, clock, deadline);
            next.add(running);
            if (!runningClocks.contains(running)) {
                timerOutbox.add(PendingTimer.schedule(running.timerId(), SlaClocks.KIND, id, deadline,
                        Map.of("rule", rule.name(), "clock", clock, "deadline", deadline.toString())));
            }
        });
        runningClocks.stream()
                .filter(old -> next.stream().noneMatch(n -> n.timerId().equals(old.timerId())))
                .forEach(stopped -> timerOutbox.add(PendingTimer.cancel(stopped.timerId())));
        runningClocks = next;
    }

    /** @param clock which clock expired (see {@link #clockOf}); a clock is breached at most once */
    record Breach(SlaRule rule, int round, String clock, Instant deadline, Instant recordedAt) {
    }

    /** One line of the request's timeline as consoles and the front desk see it. */
    record Step(Instant at, String action, String by, String department, String detail) {
    }

    /**
     * Its place in the mall's set of open orders, by creation time; null while it is completed, cancelled or merged.
     * The one derivation of {@link #OPEN_KEY}.
     */
    String placeInOpenSet() {
        return status != null && status.open() ? WorkingSetKey.of(mallId, getCreatedAt(), id) : null;
    }

    /**
     * Keeps {@link #OPEN_KEY} as the state says: the store's step before every save ({@link WorkOrders}), so every
     * way an order opens, closes or reopens keeps it, including ways added later.
     */
    WorkOrder keepPlaceInOpenSet() {
        openKey = placeInOpenSet();
        return this;
    }

    String openKey() {
        return openKey;
    }

    /**
     * The creation time as stored, null for orders stored before it was: what a query or a sort on the field sees
     * ({@link #getCreatedAt()} falls back to the order time).
     */
    Instant storedCreatedAt() {
        return createdAt;
    }

    /** The first work order of a request has an id derived from it, so a redelivered event cannot open a second one. */
    static String idFor(String requestId) {
        return "wo-" + requestId;
    }

    /** @param department null when no routing rule names one: the order waits for the front desk */
    static Created<WorkOrder> open(String mallId, RegisteredRequest request, String department, Instant now) {
        WorkOrder order = new WorkOrder();
        order.id = idFor(request.requestId());
        order.mallId = mallId;
        order.requestId = request.requestId();
        order.requestNumber = request.number();
        order.kind = request.kind();
        order.category = request.category();
        order.channel = request.channel();
        order.priority = request.priority();
        order.description = request.description();
        order.location = request.location();
        order.customer = request.customer();
        if (request.customer() != null) {
            order.reporters.add(new Reporter(request.requestId(), request.customer().name(), request.customer().phone()));
        }
        order.requestAcceptedAt = request.acceptedOr(now);
        order.createdAt = now;
        order.roundStartedAt = now;
        if (department == null) {
            order.status = WorkOrderStatus.UNASSIGNED;
            order.step(now, "CREATED", null, "waiting for the front desk to assign a department");
        } else {
            order.status = WorkOrderStatus.ASSIGNED;
            order.department = department;
            order.orderedAt = now;
            order.departmentSince = now;
            order.step(now, "CREATED", null, "dispatched by the routing rules");
        }
        return Created.of(order, new WorkOrderEvents.Created(order.id, order.requestId, order.requestNumber, order.kind,
                department, order.orderedAt, order.status, order.priority, now));
    }

    /** The front desk assigns a waiting order or moves an open one to another department (交辦). */
    List<DomainEvent> assign(String toDepartment, String reason, String by, Instant now) {
        requireStatus("assign", WorkOrderStatus.UNASSIGNED, WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED,
                WorkOrderStatus.DELAYED);
        if (toDepartment.equals(department)) {
            throw ApiException.conflict("work-order-same-department", id, toDepartment);
        }
        String from = department;
        moveTo(toDepartment, now);
        step(now, "ASSIGNED", by, (from == null ? "" : "from " + from + ": ") + nullToEmpty(reason));
        return List.of(new WorkOrderEvents.Reassigned(id, requestId, requestNumber, department, status, now, from,
                toDepartment, reason, by));
    }

    /** The department records that it received the task (受理). */
    List<DomainEvent> accept(String by, Instant now) {
        requireStatus("accept", WorkOrderStatus.ASSIGNED);
        status = WorkOrderStatus.ACCEPTED;
        roundAcceptedAt = now;
        roundAcceptedBy = by;
        step(now, "ACCEPTED", by, null);
        return List.of(new WorkOrderEvents.Accepted(id, requestId, requestNumber, department, status, now, by, round));
    }

    /** The department contacted the customer, which it does at once (seed 000 §4.5); once per round. */
    List<DomainEvent> contact(String by, Instant now) {
        requireStatus("contact", WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED, WorkOrderStatus.DELAYED);
        if (contactedAt != null) {
            throw ApiException.conflict("work-order-already-contacted", id, contactedAt);
        }
        contactedAt = now;
        step(now, "CONTACTED", by, null);
        return List.of(new WorkOrderEvents.Contacted(id, requestId, requestNumber, department, status, now, by, now, round));
    }

    /** Not doable today: the department reports back with a reason and a promised completion time (seed 000 §4.6). */
    List<DomainEvent> delay(String reason, Instant promised, String by, Instant now) {
        requireStatus("delay", WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED, WorkOrderStatus.DELAYED);
        if (!promised.isAfter(now)) {
            throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "promised-time-not-in-future",
                    promised);
        }
        status = WorkOrderStatus.DELAYED;
        delayReason = reason;
        promisedAt = promised;
        step(now, "DELAYED", by, reason + " (promised " + promised + ")");
        return List.of(new WorkOrderEvents.Delayed(id, requestId, requestNumber, department, status, now, reason, promised,
                by, round));
    }

    /**
     * Returns the work order (返單). Allowed straight from ASSIGNED: accepting and contacting are recorded when they
     * happen, not forced. Work time runs from order to completion (seed 001 §二.4).
     */
    List<DomainEvent> complete(String summary, String by, Instant now) {
        requireStatus("complete", WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED, WorkOrderStatus.DELAYED);
        this.status = WorkOrderStatus.COMPLETED;
        this.summary = summary;
        this.completedAt = now;
        this.overdue = false;
        step(now, "COMPLETED", by, summary);
        return List.of(new WorkOrderEvents.Completed(id, requestId, requestNumber, kind, department, summary, orderedAt,
                now, Duration.between(orderedAt, now), customer, status, now, round, Duration.between(getRoundStartedAt(), now),
                reporters.stream().map(r -> new RegisteredRequest.Contact(r.name(), r.phone())).toList(), by));
    }

    /** The department hands the order to another department with a reason; the new one starts its own clocks. */
    List<DomainEvent> transfer(String toDepartment, String reason, String by, Instant now) {
        requireStatus("transfer", WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED, WorkOrderStatus.DELAYED);
        if (toDepartment.equals(department)) {
            throw ApiException.conflict("work-order-same-department", id, toDepartment);
        }
        String from = department;
        moveTo(toDepartment, now);
        step(now, "TRANSFERRED", by, "from " + from + ": " + reason);
        return List.of(new WorkOrderEvents.Transferred(id, requestId, requestNumber, department, status, now, from,
                toDepartment, reason, by));
    }

    /**
     * Someone escalates by hand. A request beyond customer service's remit goes straight to the property manager
     * (seed 000 §3.1: 對超出職責範圍的訴求,須報物業經理處理); anything else climbs one step of the routine chain.
     */
    List<DomainEvent> escalate(String reason, boolean beyondCustomerService, String by, Instant now,
                               EscalationDirectory directory) {
        requireStatus("escalate", WorkOrderStatus.UNASSIGNED, WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED,
                WorkOrderStatus.DELAYED);
        if (beyondCustomerService) {
            if (escalationLevel >= MANAGER_STEP) {
                throw ApiException.conflict("work-order-escalation-exhausted", id, escalatedTo);
            }
            return List.of(escalateTo(MANAGER_STEP, EscalationRole.PROPERTY_MANAGER,
                    directory.targets(EscalationRole.PROPERTY_MANAGER), "beyond customer service: " + reason, null, by, now));
        }
        DomainEvent next = nextStep(reason, null, by, now, directory);
        if (next == null) {
            throw ApiException.conflict("work-order-escalation-exhausted", id, escalatedTo);
        }
        return List.of(next);
    }

    /**
     * A service-level timer expired. Records the breach once per clock (a timer may fire twice) and only if
     * the rule still applies, then escalates: an overdue repair to the CS supervisor, an order nobody dispatched to the
     * front desk and the CS head, anything else one step up the routine chain (nothing when the chain has ended).
     */
    List<DomainEvent> breach(SlaRule rule, String clock, Instant deadline, Instant now, EscalationDirectory directory) {
        if (!clock.equals(clockOf(rule)) || !applies(rule) || breached(rule)) {
            return List.of();
        }
        breaches.add(new Breach(rule, round, clock, deadline, now));
        overdue = true;
        step(now, "SLA_BREACHED", null, rule + " deadline " + deadline);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new WorkOrderEvents.SlaBreached(id, requestId, requestNumber, department, status, now, rule.name(),
                deadline, round));
        String reason = "service level " + rule + " breached";
        if (rule == SlaRule.REPAIR_COMPLETION) {
            // 兩天內未處理完畢及時通報客服主管,由主管跟進處理 (seed 000 §4.4.3): the supervisor, not a step of the chain.
            events.add(escalateTo(escalationLevel, EscalationRole.CS_SUPERVISOR,
                    directory.targets(EscalationRole.CS_SUPERVISOR), reason, rule.name(), null, now));
        } else if (rule == SlaRule.DISPATCH && department == null && escalationLevel < CS_HEAD_STEP) {
            // Nobody dispatched it: no department head to tell; the front desk and its head must act.
            events.add(escalateTo(CS_HEAD_STEP, EscalationRole.CS_HEAD,
                    directory.targets(EscalationRole.FRONT_DESK, EscalationRole.CS_HEAD), reason, rule.name(), null, now));
        } else {
            DomainEvent next = nextStep(reason, rule.name(), null, now, directory);
            if (next != null) {
                events.add(next);
            }
        }
        return events;
    }

    /**
     * Names the clock of a rule now: per round, and for the department's own rules also per hand-over, so a
     * reopening or a new department starts fresh clocks while earlier breaches stay recorded.
     */
    String clockOf(SlaRule rule) {
        return rule.perDepartment() ? round + "." + handover : String.valueOf(round);
    }

    /** Whether the rule's current clock has expired already. */
    boolean breached(SlaRule rule) {
        String clock = clockOf(rule);
        return breaches.stream().anyMatch(b -> b.rule() == rule && clock.equals(b.clock()));
    }

    /** Whether the rule's clock is still running in the current state. */
    boolean applies(SlaRule rule) {
        return switch (rule) {
            case DISPATCH -> status == WorkOrderStatus.UNASSIGNED;
            case CONTACT -> status.inDepartment() && contactedAt == null;
            case SAME_DAY -> status == WorkOrderStatus.ASSIGNED || status == WorkOrderStatus.ACCEPTED;
            case PROMISED -> status == WorkOrderStatus.DELAYED;
            case REPAIR_COMPLETION, COMPLAINT_INVESTIGATION -> status.inDepartment();
            case COMPLAINT_TO_SUPERVISOR -> false; // retired, see SlaRule
        };
    }

    /** The callback found the customer not satisfied: corrective action in the same department, a new round. */
    List<DomainEvent> reopen(String callbackId, String reason, Instant now) {
        return reopen(callbackId, null, reason, now);
    }

    /**
     * @param callbackRound the round the callback asked about: an answer about an earlier round (replayed, or late)
     *                      was overtaken by the work done since and reopens nothing; null when the producer did not say
     */
    List<DomainEvent> reopen(String callbackId, Integer callbackRound, String reason, Instant now) {
        if (status != WorkOrderStatus.COMPLETED || reopenedByCallbacks.contains(callbackId)
                || (callbackRound != null && callbackRound != round)) {
            return List.of();
        }
        reopenedByCallbacks.add(callbackId);
        round++;
        status = WorkOrderStatus.ASSIGNED;
        roundStartedAt = now;
        departmentSince = now;
        roundAcceptedAt = null;
        roundAcceptedBy = null;
        contactedAt = null;
        delayReason = null;
        promisedAt = null;
        completedAt = null;
        overdue = false;
        step(now, "REOPENED", null, "round " + round + ": " + reason);
        return List.of(new WorkOrderEvents.Reopened(id, requestId, requestNumber, department, status, now, reason, round,
                callbackId));
    }

    /** Intake cancelled the request, or merged it into another as a duplicate; nothing happens to a closed order. */
    List<DomainEvent> cancel(String reason, String mergedIntoOrder, Instant now) {
        if (!status.open()) {
            return List.of();
        }
        status = mergedIntoOrder == null ? WorkOrderStatus.CANCELLED : WorkOrderStatus.MERGED;
        closeReason = reason;
        mergedInto = mergedIntoOrder;
        overdue = false;
        step(now, status.name(), null, reason);
        return List.of(new WorkOrderEvents.Cancelled(id, requestId, requestNumber, department, status, now, reason,
                mergedIntoOrder));
    }

    /** A duplicate's reporter joins this order, so the callback reaches them too; idempotent per duplicate request. */
    boolean addReporter(String duplicateRequestId, String name, String phone, Instant now) {
        if (reporters.stream().anyMatch(r -> r.requestId().equals(duplicateRequestId))) {
            return false;
        }
        reporters.add(new Reporter(duplicateRequestId, name, phone));
        step(now, "REPORTER_ADDED", null, "duplicate request " + duplicateRequestId + " merged");
        return true;
    }

    static final int DEPARTMENT_HEAD_STEP = 1;
    static final int FRONT_DESK_STEP = 2;
    static final int CS_HEAD_STEP = 3;
    static final int MANAGER_STEP = 4;

    /**
     * The next step of the routine chain (seed 000 §4.7 and the flow chart of 第一條): department head → front desk →
     * CS head, then the property manager only if the mall sends what the CS head leaves unresolved on; null when the
     * chain is at its end. An order without a department has no head to tell and starts at the front desk.
     */
    private DomainEvent nextStep(String reason, String rule, String by, Instant now, EscalationDirectory directory) {
        int next = escalationLevel + 1;
        if (next == DEPARTMENT_HEAD_STEP && department == null) {
            next = FRONT_DESK_STEP;
        }
        EscalationRole role = switch (next) {
            case DEPARTMENT_HEAD_STEP -> EscalationRole.DEPARTMENT_HEAD;
            case FRONT_DESK_STEP -> EscalationRole.FRONT_DESK;
            case CS_HEAD_STEP -> EscalationRole.CS_HEAD;
            case MANAGER_STEP -> directory.unresolvedAtCsHeadGoesToManager() ? EscalationRole.PROPERTY_MANAGER : null;
            default -> null;
        };
        if (role == null) {
            return null;
        }
        return escalateTo(next, role, directory.targets(role), reason, rule, by, now);
    }

    private DomainEvent escalateTo(int level, EscalationRole role, List<EscalationTarget> targets, String reason,
                                   String rule, String by, Instant now) {
        escalationLevel = level;
        escalatedTo = role;
        step(now, "ESCALATED", by, "level " + escalationLevel + " " + escalatedTo + ": " + reason);
        return new WorkOrderEvents.Escalated(id, requestId, requestNumber, department, status, now, escalationLevel,
                escalatedTo, reason, rule, by, List.copyOf(targets));
    }

    private void moveTo(String toDepartment, Instant now) {
        department = toDepartment;
        handover++;
        status = WorkOrderStatus.ASSIGNED;
        departmentSince = now;
        contactedAt = null;
        roundAcceptedAt = null;
        roundAcceptedBy = null;
        delayReason = null;
        promisedAt = null;
        if (orderedAt == null) {
            orderedAt = now;
        }
    }

    private void requireStatus(String action, WorkOrderStatus... allowed) {
        for (WorkOrderStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw ApiException.conflict("work-order-transition-not-allowed", id, status, action);
    }

    private void step(Instant at, String action, String by, String detail) {
        timeline.add(new Step(at, action, by, department, detail));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getRequestId() { return requestId; }
    public String getRequestNumber() { return requestNumber; }
    public String getKind() { return kind; }
    public String getCategory() { return category; }
    public String getChannel() { return channel; }
    public String getPriority() { return priority; }
    public String getDescription() { return description; }
    public RegisteredRequest.Location getLocation() { return location; }
    public RegisteredRequest.Contact getCustomer() { return customer; }
    public List<Reporter> getReporters() { return reporters; }
    public String getDepartment() { return department; }
    public WorkOrderStatus getStatus() { return status; }
    // Orders stored before rounds and clocks existed lack these times: they fall back to the order time.
    public Instant getRequestAcceptedAt() { return requestAcceptedAt != null ? requestAcceptedAt : getCreatedAt(); }
    public Instant getCreatedAt() { return createdAt != null ? createdAt : orderedAt; }
    public Instant getOrderedAt() { return orderedAt; }
    public Instant getDepartmentSince() { return departmentSince != null ? departmentSince : orderedAt; }
    public int getRound() { return round; }
    public int getHandover() { return handover; }
    public Instant getRoundStartedAt() { return roundStartedAt != null ? roundStartedAt : getCreatedAt(); }
    public Instant getRoundAcceptedAt() { return roundAcceptedAt; }
    public String getRoundAcceptedBy() { return roundAcceptedBy; }
    public Instant getContactedAt() { return contactedAt; }
    public String getDelayReason() { return delayReason; }
    public Instant getPromisedAt() { return promisedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public String getSummary() { return summary; }
    public int getEscalationLevel() { return escalationLevel; }
    public EscalationRole getEscalatedTo() { return escalatedTo; }
    public boolean isOverdue() { return overdue; }
    public List<Breach> getBreaches() { return breaches; }
    public String getCloseReason() { return closeReason; }
    public String getMergedInto() { return mergedInto; }
    public List<Step> getTimeline() { return timeline; }

    @Override
    public String correlationId() {
        return requestId;
    }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }

    @Override
    public List<PendingTimer> getTimerOutbox() {
        return timerOutbox;
    }

    public List<RunningClock> getRunningClocks() {
        return runningClocks;
    }

    @Override
    public Map<String, Object> getCountedAs() {
        return countedAs;
    }

    @Override
    public void setCountedAs(Map<String, Object> labels) {
        this.countedAs = labels;
    }

    @Override
    public List<CounterMove> getCountOutbox() {
        return countOutbox;
    }
}
